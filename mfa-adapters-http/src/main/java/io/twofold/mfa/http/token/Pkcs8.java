package io.twofold.mfa.http.token;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Wraps the older private-key encodings in a PKCS#8 {@code PrivateKeyInfo}, the only form the
 * JDK's KeyFactory reads: a PKCS#1 {@code RSAPrivateKey} (PEM "BEGIN RSA PRIVATE KEY", what
 * {@code openssl genrsa} wrote for years) and a SEC1 {@code ECPrivateKey} (PEM "BEGIN EC PRIVATE
 * KEY", what {@code openssl ecparam -genkey} writes).
 */
public final class Pkcs8 {
    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int EC_PARAMETERS = 0xa0;
    /** DER of {@code INTEGER 0}, the PrivateKeyInfo version. */
    private static final byte[] VERSION = {0x02, 0x01, 0x00};
    /** DER of {@code AlgorithmIdentifier { rsaEncryption, NULL }}. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    /** DER of the OID id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Pkcs8() {
    }

    /** A PKCS#1 {@code RSAPrivateKey} as PKCS#8. */
    public static byte[] fromPkcs1(byte[] pkcs1) {
        return privateKeyInfo(RSA_ALGORITHM, pkcs1);
    }

    /**
     * A SEC1 {@code ECPrivateKey} as PKCS#8; its curve is the named curve in its {@code [0]}
     * parameters, which {@code openssl} always writes.
     *
     * @throws IllegalArgumentException if the key is not DER or names no curve
     */
    public static byte[] fromSec1(byte[] sec1) {
        byte[] curve = namedCurve(sec1);
        return privateKeyInfo(tlv(SEQUENCE, concat(EC_PUBLIC_KEY, curve)), sec1);
    }

    private static byte[] privateKeyInfo(byte[] algorithm, byte[] privateKey) {
        return tlv(SEQUENCE, concat(VERSION, algorithm, tlv(OCTET_STRING, privateKey)));
    }

    /** The OID (tag, length and value) in the {@code [0]} member of the SEC1 sequence. */
    private static byte[] namedCurve(byte[] sec1) {
        if (sec1.length < 2 || (sec1[0] & 0xff) != SEQUENCE) {
            throw new IllegalArgumentException("not a DER ECPrivateKey");
        }
        int[] outer = header(sec1, 0);
        int at = outer[0];
        int end = Math.min(sec1.length, at + outer[1]);
        while (at < end) {
            int[] member = header(sec1, at);
            if ((sec1[at] & 0xff) == EC_PARAMETERS) {
                int oid = member[0];
                if (oid < end && (sec1[oid] & 0xff) == OBJECT_IDENTIFIER) {
                    int[] oidHeader = header(sec1, oid);
                    return Arrays.copyOfRange(sec1, oid, oidHeader[0] + oidHeader[1]);
                }
                throw new IllegalArgumentException("the EC key's parameters are not a named curve");
            }
            at = member[0] + member[1];
        }
        throw new IllegalArgumentException("the EC key names no curve");
    }

    /** Where the value of the TLV at {@code at} starts, and its length. */
    private static int[] header(byte[] der, int at) {
        if (at + 1 >= der.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return checked(der, at + 2, first);
        }
        int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 3 || at + 2 + bytes > der.length) {
            throw new IllegalArgumentException("bad DER length");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        return checked(der, at + 2 + bytes, length);
    }

    private static int[] checked(byte[] der, int start, int length) {
        if (start + length > der.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        return new int[] {start, length};
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        writeLength(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
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
