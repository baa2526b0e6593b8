/* Struct sizes of the public ABI, so that bindings check their layouts against the library. */
#include "internal.h"
#include "vnseg/entities.h"
#include "vnseg/ffi.h"
#include "vnseg/gazetteer.h"
#include "vnseg/reader.h"
#include "vnseg/segmenter.h"
#include "vnseg/syllable.h"

VNSEG_EXPORT size_t vnseg_struct_size(int which)
{
    switch (which) {
    case VNSEG_STRUCT_ERROR:
        return sizeof(vnseg_error);
    case VNSEG_STRUCT_ALLOCATOR:
        return sizeof(vnseg_allocator);
    case VNSEG_STRUCT_TOKEN:
        return sizeof(vnseg_token);
    case VNSEG_STRUCT_SENTENCE:
        return sizeof(vnseg_sentence);
    case VNSEG_STRUCT_SPAN:
        return sizeof(vnseg_span);
    case VNSEG_STRUCT_LINE:
        return sizeof(vnseg_line);
    case VNSEG_STRUCT_SYLLABLE:
        return sizeof(vnseg_syllable);
    case VNSEG_STRUCT_SYLLABLE_PART:
        return sizeof(vnseg_syllable_part);
    case VNSEG_STRUCT_GAZ_ENTRY:
        return sizeof(vnseg_gaz_entry);
    case VNSEG_STRUCT_MENTION:
        return sizeof(vnseg_mention);
    case VNSEG_STRUCT_MODEL_INFO:
        return sizeof(vnseg_model_info);
    case VNSEG_STRUCT_TRAIN_OPTIONS:
        return sizeof(vnseg_train_options);
    }
    return 0;
}
