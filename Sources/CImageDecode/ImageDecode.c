#include "CImageDecode.h"

#include <limits.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <jpeglib.h>
#include <jerror.h>

/* A progressive JPEG may hold thousands of tiny scans, each a full pass over the image:
   a file of a few KB then costs minutes. Real files have at most a few dozen. */
#define PUMP_MAX_JPEG_SCANS 200
/* What a multi-scan JPEG's coefficients may take (48 MB: a 16-megapixel progressive photo at
   4:2:0, or 4096×4096 at 4:4:4), and all of libjpeg's large buffers together. */
#define PUMP_JPEG_COEFFICIENT_BUDGET (48L * 1024 * 1024)
#define PUMP_JPEG_MEMORY (64L * 1024 * 1024)

static void say(char *message, size_t size, const char *text) {
    if (message && size > 0) snprintf(message, size, "%s", text);
}

static int too_large(int width, int height, int max_side, long max_pixels) {
    return width <= 0 || height <= 0 || width > max_side || height > max_side
        || (long)width * (long)height > max_pixels;
}

/* ---- PNG: libpng's regular read API ------------------------------------------------- */

/* The simplified API (png_image_*) reads every chunk before IDAT with libpng's defaults: each
   zTXt/iTXt/iCCP is inflated (up to 8 MB each) and up to 1000 of them are kept, so a 771 KB file
   full of compressed text cost 771 MB (issue 23). Here only the chunks that change the pixels
   are read: every other ancillary chunk is skipped unread (its CRC is all that is computed),
   and libpng's own allocations are counted against PUMP_PNG_LIBRARY_BUDGET. */
#define PUMP_PNG_LIBRARY_BUDGET (8L * 1024 * 1024)

struct pump_png_state {
    const uint8_t *data;
    size_t length, offset;
    const pump_cancel *cancel;
    long allocated;
    /* volatile: set on the way to a longjmp, read after it. */
    volatile int over_budget, cancelled;
    char text[160];
};

static void png_fail(png_structp png, png_const_charp text) {
    struct pump_png_state *st = png_get_error_ptr(png);
    snprintf(st->text, sizeof st->text, "%s", text ? text : "the PNG data is damaged");
    png_longjmp(png, 1);
}

/* Warnings (a bad CRC in a skipped chunk, a benign error) would go to stderr: the screen. */
static void png_quiet(png_structp png, png_const_charp text) { (void)png; (void)text; }

static void png_read_memory(png_structp png, png_bytep out, size_t count) {
    struct pump_png_state *st = png_get_io_ptr(png);
    if (pump_cancel_requested(st->cancel)) { st->cancelled = 1; png_error(png, "cancelled"); }
    if (count > st->length - st->offset) png_error(png, "the file ends too soon");
    memcpy(out, st->data + st->offset, count);
    st->offset += count;
}

/* Each block carries its size in front, so the free can give it back to the budget. */
#define PUMP_PNG_HEADER 16
static png_voidp png_counted_malloc(png_structp png, png_alloc_size_t size) {
    struct pump_png_state *st = png_get_mem_ptr(png);
    if (size > (png_alloc_size_t)(PUMP_PNG_LIBRARY_BUDGET - st->allocated)) { st->over_budget = 1; return NULL; }
    uint8_t *block = malloc(size + PUMP_PNG_HEADER);
    if (!block) return NULL;
    memcpy(block, &size, sizeof size);
    st->allocated += (long)size;
    return block + PUMP_PNG_HEADER;
}

static void png_counted_free(png_structp png, png_voidp ptr) {
    if (!ptr) return;
    struct pump_png_state *st = png_get_mem_ptr(png);
    uint8_t *block = (uint8_t *)ptr - PUMP_PNG_HEADER;
    png_alloc_size_t size;
    memcpy(&size, block, sizeof size);
    st->allocated -= (long)size;
    free(block);
}

static int decode_png(const uint8_t *data, size_t length, int max_side, long max_pixels, const pump_cancel *cancel,
                      pump_image *out, char *message, size_t size) {
    struct pump_png_state st;
    memset(&st, 0, sizeof st);
    st.data = data; st.length = length; st.cancel = cancel;
    png_structp png = png_create_read_struct_2(PNG_LIBPNG_VER_STRING, &st, png_fail, png_quiet,
                                               &st, png_counted_malloc, png_counted_free);
    if (!png) { say(message, size, "out of memory"); return PUMP_IMAGE_NO_MEMORY; }
    png_infop info = png_create_info_struct(png);
    /* volatile: assigned between setjmp and a possible longjmp, read after it. */
    uint8_t *volatile pixels = NULL;
    volatile int result = PUMP_IMAGE_CORRUPT;
    if (!info || setjmp(png_jmpbuf(png))) {
        if (!info) { result = PUMP_IMAGE_NO_MEMORY; say(message, size, "out of memory"); }
        else if (st.cancelled) { result = PUMP_IMAGE_CANCELLED; say(message, size, "cancelled"); }
        else if (st.over_budget) { result = PUMP_IMAGE_TOO_LARGE; say(message, size, "too large to preview"); }
        else say(message, size, st.text);
        free(pixels);
        png_destroy_read_struct(&png, info ? &info : NULL, NULL);
        return result;
    }
    png_set_read_fn(png, &st, png_read_memory);
    /* Every ancillary chunk skipped but tRNS (which libpng keeps reading: it is transparency). */
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, NULL, -1);
    /* Second lines of defence should a chunk be read after all. */
    png_set_chunk_cache_max(png, 16);
    png_set_chunk_malloc_max(png, 1024 * 1024);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    out->width = out->source_width = width > 0x7fffffff ? 0x7fffffff : (int)width;
    out->height = out->source_height = height > 0x7fffffff ? 0x7fffffff : (int)height;
    if (width > 0x7fffffff || height > 0x7fffffff || too_large((int)width, (int)height, max_side, max_pixels)) {
        png_destroy_read_struct(&png, &info, NULL);
        say(message, size, "too large to preview");
        return PUMP_IMAGE_TOO_LARGE;
    }
    /* Any PNG into 8-bit RGBA: palette and low bit depths expanded, tRNS made alpha, 16 bits
       scaled to 8, grey copied into RGB, opaque alpha added where there is none. */
    png_set_expand(png);
    png_set_scale_16(png);
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xff, PNG_FILLER_AFTER);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    size_t stride = (size_t)width * 4;
    if (png_get_rowbytes(png, info) != stride) png_error(png, "unexpected pixel layout");
    pixels = malloc(stride * height);
    if (!pixels) png_error(png, "out of memory");
    for (int pass = 0; pass < passes; pass++) {
        for (png_uint_32 y = 0; y < height; y++) {
            if (pump_cancel_requested(cancel)) { st.cancelled = 1; png_error(png, "cancelled"); }
            png_read_row(png, pixels + stride * y, NULL);
        }
    }
    /* The chunks after the image data (skipped like those before): a file cut short is damaged. */
    png_read_end(png, info);
    png_destroy_read_struct(&png, &info, NULL);
    out->rgba = pixels;
    return PUMP_IMAGE_OK;
}

/* ---- JPEG: libjpeg-turbo, errors by longjmp back into decode_jpeg ---------------------- */

struct pump_jpeg_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char text[JMSG_LENGTH_MAX];
    int cancelled;
};

/* The progress monitor with the decode's cancel flag beside it. */
struct pump_jpeg_progress {
    struct jpeg_progress_mgr base;
    const pump_cancel *cancel;
};

static void jpeg_fail(j_common_ptr cinfo) {
    struct pump_jpeg_error *err = (struct pump_jpeg_error *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, err->text);
    longjmp(err->jump, 1);
}

/* libjpeg prints warnings to stderr, which is the user's screen: keep quiet. */
static void jpeg_quiet(j_common_ptr cinfo) { (void)cinfo; }

/* A truncated file is only a warning to libjpeg (it pads the image with grey); here it is an
   error, so a damaged download says so instead of showing half a picture. */
static void jpeg_warning(j_common_ptr cinfo, int level) {
    if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) jpeg_fail(cinfo);
}

/* Called by libjpeg between rows and scans: where a long decode stops when asked to. */
static void jpeg_progress(j_common_ptr cinfo) {
    struct pump_jpeg_error *err = (struct pump_jpeg_error *)cinfo->err;
    if (pump_cancel_requested(((struct pump_jpeg_progress *)cinfo->progress)->cancel)) {
        err->cancelled = 1;
        snprintf(err->text, sizeof err->text, "cancelled");
        longjmp(err->jump, 1);
    }
    if (cinfo->is_decompressor) {
        j_decompress_ptr d = (j_decompress_ptr)cinfo;
        if (d->input_scan_number > PUMP_MAX_JPEG_SCANS) {
            snprintf(err->text, sizeof err->text, "the JPEG has too many scans");
            longjmp(err->jump, 1);
        }
    }
}

/* A progressive JPEG, or one whose components come in separate scans, is decoded from a
   buffer of every DCT coefficient of the whole image (2 bytes each, 64 a block), whatever the
   output scale: 8192×8192 at 4:4:4 is 402 MB though the preview decodes it at 1/8 (issue 23).
   Counted from the header, before libjpeg allocates it. */
static long jpeg_coefficient_bytes(j_decompress_ptr cinfo) {
    if (!cinfo->progressive_mode && cinfo->comps_in_scan >= cinfo->num_components) return 0;
    long total = 0;
    for (int i = 0; i < cinfo->num_components; i++) {
        jpeg_component_info *c = &cinfo->comp_info[i];
        long h = c->h_samp_factor > 0 ? c->h_samp_factor : 1, v = c->v_samp_factor > 0 ? c->v_samp_factor : 1;
        long cols = ((long)c->width_in_blocks + h - 1) / h * h, rows = ((long)c->height_in_blocks + v - 1) / v * v;
        total += cols * rows * (long)sizeof(JBLOCK);
    }
    return total;
}

static int decode_jpeg(const uint8_t *data, size_t length, int max_side, long max_pixels, int want_side,
                       const pump_cancel *cancel, pump_image *out, char *message, size_t size) {
    struct jpeg_decompress_struct cinfo;
    struct pump_jpeg_error err;
    struct pump_jpeg_progress progress;
    /* volatile: assigned between setjmp and a possible longjmp, read after it. */
    uint8_t *volatile pixels = NULL;
    volatile int result = PUMP_IMAGE_CORRUPT;

    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = jpeg_fail;
    err.base.output_message = jpeg_quiet;
    err.base.emit_message = jpeg_warning;
    err.text[0] = 0;
    err.cancelled = 0;
    if (setjmp(err.jump)) {
        say(message, size, err.text[0] ? err.text : "the JPEG data is damaged");
        free(pixels);
        jpeg_destroy_decompress(&cinfo);
        return err.cancelled ? PUMP_IMAGE_CANCELLED : result;
    }
    jpeg_create_decompress(&cinfo);
    /* Everything libjpeg allocates for its large buffers, counted by itself: beyond it, it
       wants a backing store there is none of, and fails (a second line behind the count below). */
    cinfo.mem->max_memory_to_use = PUMP_JPEG_MEMORY;
    memset(&progress, 0, sizeof progress);
    progress.base.progress_monitor = jpeg_progress;
    progress.cancel = cancel;
    cinfo.progress = &progress.base;
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_read_header(&cinfo, TRUE);
    out->width = out->source_width = (int)cinfo.image_width;
    out->height = out->source_height = (int)cinfo.image_height;
    if (too_large(out->width, out->height, max_side, LONG_MAX)) {
        jpeg_destroy_decompress(&cinfo);
        say(message, size, "too large to preview");
        return PUMP_IMAGE_TOO_LARGE;
    }
    if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
        jpeg_destroy_decompress(&cinfo);
        say(message, size, "CMYK JPEGs cannot be previewed");
        return PUMP_IMAGE_UNKNOWN_FORMAT;
    }
    cinfo.out_color_space = JCS_EXT_RGBA;
    cinfo.scale_num = 1;
    cinfo.scale_denom = 1;
    int longer = cinfo.image_width > cinfo.image_height ? (int)cinfo.image_width : (int)cinfo.image_height;
    while (cinfo.scale_denom < 8 && want_side > 0 && longer / (int)(cinfo.scale_denom * 2) >= want_side)
        cinfo.scale_denom *= 2;
    /* The pixel bound is on what is decoded: the size after scaling; the coefficient buffer a
       multi-scan file needs is full size whatever the scaling. */
    jpeg_calc_output_dimensions(&cinfo);
    if ((long)cinfo.output_width * (long)cinfo.output_height > max_pixels
        || jpeg_coefficient_bytes(&cinfo) > PUMP_JPEG_COEFFICIENT_BUDGET) {
        jpeg_destroy_decompress(&cinfo);
        say(message, size, "too large to preview");
        return PUMP_IMAGE_TOO_LARGE;
    }
    jpeg_start_decompress(&cinfo);
    size_t stride = (size_t)cinfo.output_width * 4;
    pixels = malloc(stride * cinfo.output_height);
    if (!pixels) {
        jpeg_destroy_decompress(&cinfo);
        say(message, size, "out of memory");
        return PUMP_IMAGE_NO_MEMORY;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels + stride * cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    out->width = (int)cinfo.output_width;
    out->height = (int)cinfo.output_height;
    out->rgba = pixels;
    jpeg_destroy_decompress(&cinfo);
    return PUMP_IMAGE_OK;
}

int pump_image_decode(const uint8_t *data, size_t length, int max_side, long max_pixels, int want_side,
                      const pump_cancel *cancel, pump_image *out, char *message, size_t message_size) {
    static const uint8_t png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    out->width = out->height = out->source_width = out->source_height = 0;
    out->rgba = NULL;
    say(message, message_size, "");
    if (!data || length < 4) { say(message, message_size, "too short to be an image"); return PUMP_IMAGE_CORRUPT; }
    if (length >= 8 && memcmp(data, png_magic, 8) == 0)
        return decode_png(data, length, max_side, max_pixels, cancel, out, message, message_size);
    if (data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return decode_jpeg(data, length, max_side, max_pixels, want_side, cancel, out, message, message_size);
    say(message, message_size, "neither PNG nor JPEG");
    return PUMP_IMAGE_UNKNOWN_FORMAT;
}

void pump_image_free(pump_image *image) {
    if (!image) return;
    free(image->rgba);
    image->rgba = NULL;
}

/* ---- Cancelling ------------------------------------------------------------------------ */

struct pump_cancel {
    atomic_int requested;
};

pump_cancel *pump_cancel_new(void) {
    pump_cancel *flag = malloc(sizeof *flag);
    if (flag) atomic_init(&flag->requested, 0);
    return flag;
}

void pump_cancel_request(pump_cancel *flag) {
    if (flag) atomic_store_explicit(&flag->requested, 1, memory_order_relaxed);
}

int pump_cancel_requested(const pump_cancel *flag) {
    return flag && atomic_load_explicit(&((pump_cancel *)flag)->requested, memory_order_relaxed);
}

void pump_cancel_free(pump_cancel *flag) { free(flag); }
