#ifndef CIMAGEDECODE_H
#define CIMAGEDECODE_H
#include <stddef.h>
#include <stdint.h>

/* PNG and JPEG into 8-bit RGBA, for the inline image preview. A C target because libjpeg
   reports errors by longjmp, which Swift cannot catch; libpng's simplified API is used for the
   same reason (it keeps its setjmp inside the library). */

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

enum {
    PUMP_IMAGE_OK = 0,
    PUMP_IMAGE_UNKNOWN_FORMAT = 1,
    PUMP_IMAGE_TOO_LARGE = 2,
    PUMP_IMAGE_CORRUPT = 3,
    PUMP_IMAGE_NO_MEMORY = 4,
};

/* Decodes `data` when it is PNG or JPEG. The header is read first: an image wider or taller
   than `max_side`, or that would decode to more than `max_pixels` pixels (a JPEG counted after
   the scaling below), is refused before anything is decompressed (decompression bombs). A JPEG whose longer side exceeds `want_side` is decoded
   at 1/2, 1/4 or 1/8 scale (libjpeg's DCT scaling) while that side stays >= want_side: a
   preview needs no more, and a 48-megapixel photo then costs 12 MB, not 192. On failure
   `message` holds a short reason and out->rgba is NULL; out->source_width/height hold what the
   header said when it was read. */
int pump_image_decode(const uint8_t *data, size_t length, int max_side, long max_pixels, int want_side,
                      pump_image *out, char *message, size_t message_size);

void pump_image_free(pump_image *image);

#endif
