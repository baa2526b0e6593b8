/* libvnseg: Vietnamese token handling. Include this one header to get the whole public API. */
#ifndef VNSEG_H
#define VNSEG_H

#include "vnseg/common.h"
#include "vnseg/tokenizer.h"
#include "vnseg/reader.h"
#include "vnseg/syllable.h"
#include "vnseg/ffi.h"
#include "vnseg/normalize.h"
#include "vnseg/gazetteer.h"
#include "vnseg/entities.h"
#include "vnseg/segmenter.h"
#include "vnseg/detok.h"

#endif
