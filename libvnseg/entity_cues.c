/* The cue words of the entity heuristics, written for libvnseg from common Vietnamese usage,
 * in a small constant table hashed once at first use. */
#include <pthread.h>
#include <string.h>

#include "entity_cues.h"
#include "lookup_key.h"
#include "vnseg/syllable.h"

/* Each list: words separated by '|', lower case, syllables separated by spaces. */
static const struct {
    uint32_t bits;
    const char *words;
} lists[] = {
    {CUE_PER_TITLE,
     "ông|bà|anh|chị|cô|chú|bác|cậu|em|cụ|cháu|bé|ngài|thầy|dì|mợ|chàng|nàng|vợ|chồng|"
     "cha|mẹ|con trai|con gái|phu nhân|đồng chí|nhà vua|vua|quốc vương|hoàng tử|công chúa|"
     "nữ hoàng|hoàng hậu|thái tử|giáo hoàng|tướng|đại tướng|thượng tướng|trung tướng|"
     "thiếu tướng|đại tá|thượng tá|trung tá|thiếu tá|đại uý|thượng uý|trung uý|thiếu uý|"
     "thượng sĩ|trung sĩ|hạ sĩ|đô đốc|chuẩn đô đốc|nguyên soái|thống chế|lãnh đạo|"
     "nhà lãnh đạo|lãnh tụ|giáo sư|phó giáo sư|tiến sĩ|thạc sĩ|bác sĩ|dược sĩ|kỹ sư|kĩ sư|"
     "kiến trúc sư|luật sư|nhà báo|phóng viên|biên tập viên|nhà văn|nhà thơ|nhạc sĩ|hoạ sĩ|"
     "nghệ sĩ|nghệ nhân|ca sĩ|diễn viên|đạo diễn|người mẫu|hoa hậu|á hậu|cầu thủ|thủ môn|"
     "tiền đạo|tiền vệ|hậu vệ|trung vệ|huấn luyện viên|hlv|vận động viên|vđv|võ sĩ|"
     "tay vợt|kỳ thủ|tỷ phú|tỉ phú|doanh nhân|chuyên gia|nhà nghiên cứu|nhà khoa học|"
     "nghiên cứu sinh|sinh viên|học sinh|bệnh nhân|nạn nhân|nghi phạm|bị cáo|bị can|"
     "ứng viên|ứng cử viên|cựu|cố|tân|đương kim|người sáng lập|nhà sáng lập|giáo viên|"
     "cô giáo|thầy giáo|linh mục|hoà thượng|thượng toạ|đại đức|mục sư|nhà sư|sư|ni cô|"
     "tác giả|anh hùng|liệt sĩ|chiến sĩ|thẩm phán|công tố viên|kiểm sát viên|"
     "điều tra viên|mr.|mrs.|ms.|dr.|gs.|ts.|pgs.|ths.|bs.|ks.|ls.|nsnd|nsưt|mr|mrs|ms|"
     "dr|gs|ts|pgs|ths|bs|nghị sĩ|thượng nghị sĩ|hạ nghị sĩ|dân biểu|đại biểu|"
     "người phát ngôn|phát ngôn viên|nữ phát ngôn viên|thị trưởng|thống đốc|thuyền trưởng|"
     "đội trưởng|đội phó|tổ trưởng|tổ phó|trưởng thôn|trưởng ấp|trưởng bản|già làng|"
     "trưởng khoa|trưởng trạm|trưởng công an|trưởng phòng|trưởng nhóm|chủ quán|chủ nhà|"
     "chủ xe|chủ tiệm|chủ hộ|chủ đầu tư|tài xế|phụ xe|công nhân|nông dân|ngư dân|thợ|"
     "kế toán|thủ quỹ|cán bộ|bộ đội|đảng viên|cụ bà|cụ ông|lão|thím|bạn|nhóc|anh trai|"
     "chị gái|em trai|em gái|bố|má|thầy thuốc|y tá|điều dưỡng|nữ sinh|nam sinh|học viên|"
     "hạ sĩ quan|binh nhất|binh nhì|trung sĩ|thượng sĩ|đại uý|trinh sát viên|phóng viên"},
    {CUE_PER_TITLE | CUE_OFFICE,
     "tổng thống|phó tổng thống|thủ tướng|phó thủ tướng|chủ tịch|phó chủ tịch|"
     "chủ tịch nước|tổng bí thư|bí thư|phó bí thư|bộ trưởng|thứ trưởng|ngoại trưởng|"
     "đại sứ|tổng thư ký|tổng thư kí|thư ký|giám đốc|phó giám đốc|tổng giám đốc|"
     "tổng biên tập|chủ nhiệm|phó chủ nhiệm|trưởng ban|phó trưởng ban|trưởng phòng|"
     "cục trưởng|phó cục trưởng|vụ trưởng|viện trưởng|hiệu trưởng|chánh án|"
     "chánh văn phòng|tư lệnh|phó tư lệnh|chỉ huy|tham mưu trưởng|tổng tham mưu trưởng|"
     "người đứng đầu|quan chức|giới chức|trưởng đoàn|chủ tịch hội đồng quản trị|"
     "thủ lĩnh|giám đốc điều hành|ceo|phát ngôn viên|người phát ngôn|cố vấn|"
     "cố vấn an ninh quốc gia|bộ trưởng quốc phòng|bộ trưởng ngoại giao|thị trưởng|"
     "thống đốc|lãnh đạo|nhà lãnh đạo"},
    {CUE_LOC_PREP, "tại|ở|tới|đến|thăm|sang|rời|khỏi|từ|quanh|gần|khắp|tận|xuống|nhập cảnh|"
                   "đặt chân|có mặt|trở về|quay về|di tản|sơ tán|giao lộ|ngã tư|ngã ba|ngã sáu|"
                   "ngã bảy|vòng xoay|bùng binh|địa bàn|trạm|"
                   /* a hydroelectric plant's site (`thuỷ_điện A_Vương`) */
                   "thuỷ điện|"
                   /* the land or home of a place (`đất Tây_Sơn`, `quê Quảng_Nam`) */
                   "đất|quê"},
    {CUE_LOC_HEAD,
     "tỉnh|thành phố|tp|tp.|thủ đô|huyện|quận|thị xã|thị trấn|phường|xã|ấp|thôn|bản|làng|"
     "xóm|khu phố|đường|phố|ngõ|hẻm|đại lộ|quốc lộ|tỉnh lộ|quảng trường|cầu|sông|suối|hồ|"
     "núi|dãy núi|đèo|đồi|đảo|quần đảo|bán đảo|vịnh|biển|eo biển|vùng|miền|châu|lục địa|rạch|"
     "bang|tiểu bang|đặc khu|cảng|sân bay|sân|sân vận động|chợ|bến|bến xe|ga|cửa khẩu|"
     "vườn quốc gia|khách sạn|"
     "công viên|đền|chùa|nhà thờ|phương|xứ|vương quốc|vùng lãnh thổ|thung lũng|"
     "cao nguyên|đồng bằng|sa mạc|mũi|khu vực|thủ phủ|kinh đô|tỉnh thành|hạt|vùng biển|"
     "làng xã|thị tứ|q.|p.|h.|x.|tx.|tt.|ql."},
    {CUE_LOC_HEAD | CUE_LOC_NUMBERED, "quận|phường|q.|p.|ấp|khu phố"},
    /* Military units take a number (`sư_đoàn 4`): LOC_NUMBERED on an ORG head. */
    {CUE_ORG_HEAD | CUE_LOC_NUMBERED, "sư đoàn|trung đoàn|lữ đoàn|tiểu đoàn|quân đoàn|quân khu"},
    {CUE_ORG_HEAD,
     "bộ|tổng cục|vụ|hội|hiệp hội|liên minh|liên hiệp|tổng liên đoàn|công ty|cty|"
     "tập đoàn|hãng|tổng công ty|ngân hàng|quỹ|phòng khám|học viện|viện|quân đội|"
     "quân khu|quân đoàn|sư đoàn|lữ đoàn|trung đoàn|đảng|mặt trận|báo|tờ|tờ báo|đài|"
     "tạp chí|thông tấn xã|hãng thông tấn|hãng tin|câu lạc bộ|clb|nhà máy|xí nghiệp|"
     "hợp tác xã|htx|tổ chức|cơ quan|nhà xuất bản|nxb|nhà hát|bảo tàng|"
     "thư viện|phong trào|lực lượng|quốc hội|chính phủ|nghị viện|hạ viện|thượng viện|"
     "tổng lãnh sự quán|lãnh sự quán|đại sứ quán|nhóm|kênh|đài truyền hình|trang|quĩ"},
    {CUE_ORG_HEAD | CUE_ORG_ADMIN,
     "uỷ ban|ubnd|hđnd|hội đồng|sở|cục|chi cục|ban|văn phòng|liên đoàn|công an|"
     "cảnh sát|toà án|tand|viện kiểm sát|vksnd|bộ chỉ huy|bộ tư lệnh|bệnh viện|bv|"
     "trường|đại học|trung tâm|kho bạc|thanh tra|tỉnh uỷ|thành uỷ|huyện uỷ|quận uỷ|"
     "đảng uỷ|đoàn|chi nhánh|đội|uỷ ban nhân dân|hội đồng nhân dân|mặt trận tổ quốc|"
     "bảo hiểm xã hội|bhxh|phòng|cục thuế|chi cục thuế|hải quan|cục hải quan"},
    {CUE_FIELD,
     "quốc phòng|ngoại giao|công an|tài chính|y tế|giáo dục|tư pháp|nội vụ|công thương|"
     "xây dựng|giao thông|nông nghiệp|kế hoạch|lao động|văn hoá|khoa học|thông tin|"
     "tài nguyên|ngoại thương|an ninh|thương mại|năng lượng|môi trường|du lịch|thể thao|"
     "đào tạo|truyền thông|đầu tư|dân tộc|tôn giáo|quốc gia|nội chính|kinh tế|tuyên giáo|"
     "kiểm tra|đối ngoại|dân vận|công nghiệp|quy hoạch|phát triển|nông thôn|thuỷ sản|"
     "lâm nghiệp|hải quan|thuế|thống kê|tài nguyên và môi trường|y|dược|khí tượng|"
     "thuỷ văn|hàng không|hàng hải|đường sắt|viễn thông|bưu chính|điện lực|dầu khí|"
     "chính trị|quân sự|tình báo|phản gián|cảnh sát|quân y|hậu cần|kỹ thuật|cứu hộ|"
     "cứu nạn|phòng cháy|chữa cháy|phòng chống|dự báo|bảo an|bảo hiểm|chứng khoán|"
     "nhân quyền|tị nạn|lương thực|hải quân|không quân|lục quân|biên phòng|cảnh sát biển"},
    {CUE_NAME_PART,
     "nhân dân|vận tải|nông thôn|thiên tai|thuỷ văn|khí tượng|quốc gia|trung ương|xã hội|"
     "công nghệ|môi trường|du lịch|thể thao|truyền thông|thương binh|tối cao|quốc tế|"
     "cổ phần|tnhh|trách nhiệm|hữu hạn|một thành viên|đa khoa|nhi|nhi đồng|phụ sản|"
     "sư phạm|bách khoa|ngoại thương|dầu khí|hàng không|đường sắt|viễn thông|chứng khoán|"
     "bảo hiểm|thuỷ sản|lâm nghiệp|kỹ thuật|nghệ thuật|thông tấn|phát thanh|truyền hình|"
     "liên doanh|thành viên|xuất nhập khẩu|đào tạo|nông nghiệp|công nghiệp|y tế|giáo dục|"
     "khoa học|văn hoá|lao động|tài chính|tài nguyên|hành chính|chính trị|quân sự|kinh tế|"
     "an ninh|quốc phòng|ngoại giao|đối ngoại|tư pháp|pháp luật|nhân quyền|tị nạn|"
     "chiến lược|tổng hợp|thương mại|dịch vụ|đầu tư|phát triển|xây dựng|điện lực|"
     "ung bướu|tâm thần|y học|cổ truyền|chấn thương|chỉnh hình|tim mạch|nội tiết|"
     "thực phẩm|dược phẩm|vật tư|thiết bị|cứu nạn|cứu hộ|biên phòng|hải quân|không quân|"
     "lục quân|cảnh sát biển|phòng chống|thanh niên|phụ nữ|nông dân|cựu chiến binh|"
     "thương binh và xã hội|nhà nước|gia đình|trẻ em|dân số|kinh doanh|hỗ trợ|công trình|"
     "vốn|bảo vệ|chăm sóc|sức khoẻ|bảo trợ|từ thiện|nhân đạo|sản xuất|chế biến|xuất khẩu|"
     "nhập khẩu|điện tử|tin học|cơ khí|khoáng sản|đô thị|nhà ở|bất động sản|cấp nước|"
     "thoát nước|giao thông|kế hoạch|đa dạng sinh học|sinh học|nghiên cứu|khuyến nông|"
     "dự phòng|quản lý|kiểm soát|kiểm định|đăng kiểm|đo lường|chất lượng|tiêu chuẩn|bảo tồn|"
     "di tích|di sản|lưu trữ|thi hành án|cai nghiện|phục hồi chức năng|giám định|pháp y|"
     "kiểm nghiệm|tư vấn|thiết kế|giám sát|chỉ huy|thường vụ|ngân sách|thường trực|xung phong"},
    {CUE_FAMILY, "nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|hồ|ngô|dương|lý|đào|đoàn|"
                 "vương|trịnh|trương|lâm|phùng|mai|tô|hà|tạ|lương|cao|đinh|lưu|kiều|châu|thái|tăng|"
                 "quách|chu|triệu|thân|la|lục|khổng|hứa|từ|diệp|mạc|nghiêm|tôn|giang|âu|doãn|khúc|"
                 "bạch|lã|lại|hầu|ninh|trình|thạch|cù|cấn|âu dương|tiêu|hoàng phủ|lò|quàng|"
                 "hà|lường|điêu|mùa|giàng|sùng|thào|vàng|y|h'|nông|ma|đàm|kim|khương|vi|lục"},
    {CUE_MISC_HEAD,
     "bão|siêu bão|cơn bão|hiệp định|hiệp ước|công ước|chiến dịch|giải thưởng|tên lửa|"
     "tiêm kích|chiến đấu cơ|xe tăng|tàu sân bay|trực thăng|phim|bộ phim|ca khúc|"
     "bài hát|tiểu thuyết|cuốn sách|tác phẩm|dịch bệnh|đại dịch|virus|biến chủng|"
     "chương trình|dự án|sự kiện|lễ hội|thế vận hội|olympic|giải|cúp"},
    {CUE_NOT_ACRONYM,
     "usd|vnd|vnđ|eur|gdp|gnp|cpi|fdi|oda|ceo|cfo|cto|tv|id|ok|pc|it|ai|covid|sars|hiv|aids|"
     "atm|sms|gps|pdf|uav|vip|kol|mc|dj|pr|gmt|utc|tp|tp.|bot|ppp|thpt|thcs|đh|cđ|mv|ep|"
     "qr|var|led|usb|sim|am|pm|kw|mw|kwh|co2|tnhh|vn|km|kg|cm|mm|ml|sos|ufo|dna|adn|"
     "rna|mrna|pcr|icu|er|bmi|iq|eq|cv|mba|phd|vs|ps|ii|iii|iv|vi|vii|viii|ix|xi|xii|"
     "xiii|xiv|xv|xvi|xvii|xviii|xix|xx|xxi|đt|ubnd|hđnd|tand|vksnd|bhxh|bhyt|csgt|"
     "k|ct|sgk|nxb|clb|htx|vđv|hlv|ths|pgs|gs|ts|bs|ks|ls|nsnd|nsưt|tt|"
     "ttg|qđ|nđ|nq|ttlt|vbhn|bđs|dn|dnnn|"
     /* abbreviated common nouns of the press: sốt xuất huyết, bệnh nhân, điều dưỡng, khám
      * chữa bệnh, chứng minh nhân dân, giáo dục giới tính, sử dụng đất, a rifle */
     "sxh|bn|đd|kcb|cmnd|gdgt|sdđ|ptth|ak|xhcn|bvtv|ttxh"},
    {CUE_AND, "và"},
    {CUE_ADDRESS, "ông|bà|anh|chị|cô|chú|bác|cậu|em|cụ|cháu|bé|dì|mợ|thím"},
    {CUE_AFTER_NAME,
     "đã|đang|sẽ|vẫn|cũng|chưa|không|chẳng|chả|thì|lại|còn|mới|vừa|liền|bèn|từng|luôn|"
     "nói|kể|khóc|cười|hỏi|bảo|đáp|nghĩ|thấy|biết|muốn|nhớ|thỉnh thoảng|lúc nào|cho biết|"
     "kể lại|tâm sự|ra|ơi|được"},
    {CUE_QUANT, "những|các|mỗi|một|nhiều|vài|mọi|hai|ba|bốn|năm|mấy|từng|các vị"},
    {CUE_PEOPLE, "người|quân|dân|tiếng|giặc|kiều bào|đồng bào"},
    {CUE_COMMON, "internet|website|web|email|e-mail|online|wifi|blog|clip|video|game|"
                 "smartphone|laptop|livestream|selfie|logo|slogan|"
                 /* press abbreviations of trades: phóng viên, cộng tác viên, biên tập viên */
                 "pv|ctv|btv|"
                 /* one-syllable common nouns capitalized inside sentences */
                 "tết|trời|phật|chúa|"
                 /* pronouns and function words, capitalized only by position */
                 "tôi|tao|tớ|mày|họ|nó|hắn|mình|ta|ai|chúng|nếu|khi|không|được|vẫn|chỉ|để|"
                 "nhưng|đó|đây|giờ|rồi|mà|vì|nên|hãy|đừng|cần|phải|thì|còn|cũng|đã|đang|sẽ"},
    {CUE_ORG_SUFFIX,
     "fc|f.c.|jsc|corp|corp.|corporation|inc|inc.|ltd|ltd.|co.|group|bank|airlines|airways|"
     "club|united|holdings|company|limited|university|institute|foundation|association|"
     "agency|motors|pharma|telecom|media|studio|studios|"
     /* newspapers (`Saigon_Times`, `Washington_Post`) */
     "times|post|news|journal|herald|tribune|daily|gazette|telegraph"},
};

#define CUE_SLOTS 2048u
static struct {
    uint64_t hash;
    uint32_t bits;
} table[CUE_SLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static uint64_t slot_hash(const void *key, size_t len)
{
    uint64_t h = vn_hash_bytes(key, len, 0);
    return h ? h : 1; /* 0 marks an empty slot */
}

/* Add a word (in any tone style) with its bits. */
static void insert(const char *w, size_t n, uint32_t bits)
{
    char key[192];
    size_t len = 0;
    if (n == 0 || n >= sizeof key / 2 ||
        vnseg_tone_style(w, n, VNSEG_TONE_STYLE_NEW, key, sizeof key, &len) != VNSEG_OK)
        return;
    uint64_t h = slot_hash(key, len);
    for (size_t i = h & (CUE_SLOTS - 1);; i = (i + 1) & (CUE_SLOTS - 1)) {
        if (table[i].hash == 0 || table[i].hash == h) {
            table[i].hash = h;
            table[i].bits |= bits;
            return;
        }
    }
}

static void build(void)
{
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
        const char *w = lists[l].words;
        while (*w) {
            const char *bar = strchr(w, '|');
            size_t n = bar ? (size_t)(bar - w) : strlen(w);
            insert(w, n, lists[l].bits);
            w += n + (bar != NULL);
        }
    }
}

uint32_t vn_cue_of(const unsigned char *key, size_t len)
{
    pthread_once(&once, build);
    uint64_t h = slot_hash(key, len);
    for (size_t i = h & (CUE_SLOTS - 1);; i = (i + 1) & (CUE_SLOTS - 1)) {
        if (table[i].hash == h) return table[i].bits;
        if (table[i].hash == 0) return 0;
    }
}
