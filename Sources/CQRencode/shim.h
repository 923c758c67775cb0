#ifndef CQRENCODE_SHIM_H
#define CQRENCODE_SHIM_H
/* Types only: the library is opened at run time (QRCode.swift), so a host without libqrencode
   runs everything but the QR code (issue 26). */
#include <qrencode.h>
#endif
