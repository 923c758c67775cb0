#ifndef CIMAGEDECODE_H
#define CIMAGEDECODE_H
#include <stddef.h>
#include <stdint.h>

/* PNG and JPEG into 8-bit RGBA, for the inline image preview. A C target because libjpeg
   reports errors by longjmp, which Swift cannot catch; libpng's simplified API is used for the
   same reason (it keeps its setjmp inside the library). */

typedef struct {
    int width;
    int height;
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
   than `max_side`, or with more than `max_pixels` pixels, is refused before anything is
   decompressed (decompression bombs). On failure `message` holds a short reason and out->rgba
   is NULL; on PUMP_IMAGE_TOO_LARGE out->width/height hold what the header said. */
int pump_image_decode(const uint8_t *data, size_t length, int max_side, long max_pixels,
                      pump_image *out, char *message, size_t message_size);

void pump_image_free(pump_image *image);

#endif
