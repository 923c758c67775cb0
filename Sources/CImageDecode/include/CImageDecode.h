#ifndef CIMAGEDECODE_H
#define CIMAGEDECODE_H
#include <stddef.h>
#include <stdint.h>

/* PNG and JPEG into 8-bit RGBA, for the inline image preview. A C target because libjpeg and
   libpng report errors by longjmp, which Swift cannot catch. */

typedef struct {
    /* The pixels' size (a JPEG may be decoded scaled down, see `want_side`). */
    int width;
    int height;
    /* The size the file's header says. */
    int source_width;
    int source_height;
    /* width * height * 4 bytes, owned by the caller after success: free with pump_image_free. */
    uint8_t *rgba;
} pump_image;

/* The preview's limits (ImageDecoder; the fuzz target decodes with the same): the longer side
   of any image, and the pixels decoded at once, 4 bytes each: 36 MB at most (a JPEG counts after
   its DCT scaling). */
#define PUMP_PREVIEW_MAX_SIDE 8192
#define PUMP_PREVIEW_MAX_PIXELS 9000000L

enum {
    PUMP_IMAGE_OK = 0,
    PUMP_IMAGE_UNKNOWN_FORMAT = 1,
    PUMP_IMAGE_TOO_LARGE = 2,
    PUMP_IMAGE_CORRUPT = 3,
    PUMP_IMAGE_NO_MEMORY = 4,
    /* pump_cancel_request was called while decoding. */
    PUMP_IMAGE_CANCELLED = 5,
};

/* A flag another thread sets to stop a decode (Esc on the preview): checked between rows,
   scans and reads. */
typedef struct pump_cancel pump_cancel;
pump_cancel *pump_cancel_new(void);
void pump_cancel_request(pump_cancel *flag);
int pump_cancel_requested(const pump_cancel *flag);
void pump_cancel_free(pump_cancel *flag);

/* Decodes `data` when it is PNG or JPEG. The header is read first: an image wider or taller
   than `max_side`, or that would decode to more than `max_pixels` pixels (a JPEG counted after
   the scaling below), is refused before anything is decompressed (decompression bombs). A JPEG whose longer side exceeds `want_side` is decoded
   at 1/2, 1/4 or 1/8 scale (libjpeg's DCT scaling) while that side stays >= want_side: a
   preview needs no more, and a 48-megapixel photo then costs 12 MB, not 192. Memory is bounded
   by bytes whatever the file holds: a PNG's ancillary chunks (text, profiles) are skipped unread
   and libpng's own allocations are capped; a progressive or multi-scan JPEG whose full-size
   coefficient buffer would exceed the budget is refused from its header. `cancel` (may be NULL)
   stops the decode with PUMP_IMAGE_CANCELLED once requested. On failure
   `message` holds a short reason and out->rgba is NULL; out->source_width/height hold what the
   header said when it was read. */
int pump_image_decode(const uint8_t *data, size_t length, int max_side, long max_pixels, int want_side,
                      const pump_cancel *cancel, pump_image *out, char *message, size_t message_size);

void pump_image_free(pump_image *image);

#endif
