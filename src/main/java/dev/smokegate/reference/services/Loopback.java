package dev.smokegate.reference.services;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** 127.0.0.1 itself, not "the loopback address", which a JVM preferring IPv6 resolves to ::1. */
public final class Loopback {

    public static final String HOST = "127.0.0.1";
    public static final InetAddress ADDRESS = ipv4Loopback();

    private Loopback() {
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a four-byte address is always valid", e);
        }
    }
}
