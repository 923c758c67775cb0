#include "CImageDecode.h"

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <jpeglib.h>
#include <jerror.h>

/* A progressive JPEG may hold thousands of tiny scans, each a full pass over the image:
   a file of a few KB then costs minutes. Real files have at most a few dozen. */
#define PUMP_MAX_JPEG_SCANS 200

static void say(char *message, size_t size, const char *text) {
    if (message && size > 0) snprintf(message, size, "%s", text);
}

static int too_large(int width, int height, int max_side, long max_pixels) {
    return width <= 0 || height <= 0 || width > max_side || height > max_side
        || (long)width * (long)height > max_pixels;
}

/* ---- PNG: the simplified API (libpng >= 1.6) ------------------------------------------ */

static int decode_png(const uint8_t *data, size_t length, int max_side, long max_pixels,
                      pump_image *out, char *message, size_t size) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, length)) {
        say(message, size, image.message[0] ? image.message : "not a readable PNG");
        png_image_free(&image);
        return PUMP_IMAGE_CORRUPT;
    }
    out->width = out->source_width = (int)image.width;
    out->height = out->source_height = (int)image.height;
    if (image.width > 0x7fffffff || image.height > 0x7fffffff
        || too_large((int)image.width, (int)image.height, max_side, max_pixels)) {
        png_image_free(&image);
        say(message, size, "too large to preview");
        return PUMP_IMAGE_TOO_LARGE;
    }
    image.format = PNG_FORMAT_RGBA;
    uint8_t *pixels = malloc(PNG_IMAGE_SIZE(image));
    if (!pixels) { png_image_free(&image); say(message, size, "out of memory"); return PUMP_IMAGE_NO_MEMORY; }
    if (!png_image_finish_read(&image, NULL, pixels, 0, NULL)) {
        say(message, size, image.message[0] ? image.message : "the PNG data is damaged");
        free(pixels);
        png_image_free(&image);
        return PUMP_IMAGE_CORRUPT;
    }
    png_image_free(&image);
    out->rgba = pixels;
    return PUMP_IMAGE_OK;
}

/* ---- JPEG: libjpeg-turbo, errors by longjmp back into decode_jpeg ---------------------- */

struct pump_jpeg_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char text[JMSG_LENGTH_MAX];
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

static void jpeg_progress(j_common_ptr cinfo) {
    if (cinfo->is_decompressor) {
        j_decompress_ptr d = (j_decompress_ptr)cinfo;
        if (d->input_scan_number > PUMP_MAX_JPEG_SCANS) {
            struct pump_jpeg_error *err = (struct pump_jpeg_error *)cinfo->err;
            snprintf(err->text, sizeof err->text, "the JPEG has too many scans");
            longjmp(err->jump, 1);
        }
    }
}

static int decode_jpeg(const uint8_t *data, size_t length, int max_side, long max_pixels, int want_side,
                       pump_image *out, char *message, size_t size) {
    struct jpeg_decompress_struct cinfo;
    struct pump_jpeg_error err;
    struct jpeg_progress_mgr progress;
    /* volatile: assigned between setjmp and a possible longjmp, read after it. */
    uint8_t *volatile pixels = NULL;
    volatile int result = PUMP_IMAGE_CORRUPT;

    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = jpeg_fail;
    err.base.output_message = jpeg_quiet;
    err.base.emit_message = jpeg_warning;
    err.text[0] = 0;
    if (setjmp(err.jump)) {
        say(message, size, err.text[0] ? err.text : "the JPEG data is damaged");
        free(pixels);
        jpeg_destroy_decompress(&cinfo);
        return result;
    }
    jpeg_create_decompress(&cinfo);
    progress.progress_monitor = jpeg_progress;
    cinfo.progress = &progress;
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
    /* The pixel bound is on what is decoded: the size after scaling. */
    jpeg_calc_output_dimensions(&cinfo);
    if ((long)cinfo.output_width * (long)cinfo.output_height > max_pixels) {
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
                      pump_image *out, char *message, size_t message_size) {
    static const uint8_t png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    out->width = out->height = out->source_width = out->source_height = 0;
    out->rgba = NULL;
    say(message, message_size, "");
    if (!data || length < 4) { say(message, message_size, "too short to be an image"); return PUMP_IMAGE_CORRUPT; }
    if (length >= 8 && memcmp(data, png_magic, 8) == 0)
        return decode_png(data, length, max_side, max_pixels, out, message, message_size);
    if (data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return decode_jpeg(data, length, max_side, max_pixels, want_side, out, message, message_size);
    say(message, message_size, "neither PNG nor JPEG");
    return PUMP_IMAGE_UNKNOWN_FORMAT;
}

void pump_image_free(pump_image *image) {
    if (!image) return;
    free(image->rgba);
    image->rgba = NULL;
}
