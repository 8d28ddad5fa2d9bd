package io.twofold.mfa.http.token;

import java.io.ByteArrayOutputStream;

/**
 * Wraps a PKCS#1 {@code RSAPrivateKey} (PEM "BEGIN RSA PRIVATE KEY", what {@code openssl genrsa}
 * wrote for years) in a PKCS#8 {@code PrivateKeyInfo}, the only form the JDK's KeyFactory reads.
 */
final class Pkcs1 {
    /** DER of {@code INTEGER 0} (version) and {@code AlgorithmIdentifier { rsaEncryption, NULL }}. */
    private static final byte[] VERSION_AND_ALGORITHM = {
        0x02, 0x01, 0x00,
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private Pkcs1() {
    }

    static byte[] wrapInPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        octets.write(0x04);
        writeLength(octets, pkcs1.length);
        octets.writeBytes(pkcs1);
        byte[] octetString = octets.toByteArray();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, VERSION_AND_ALGORITHM.length + octetString.length);
        out.writeBytes(VERSION_AND_ALGORITHM);
        out.writeBytes(octetString);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((length >>> (8 * i)) & 0xff);
        }
    }
}
