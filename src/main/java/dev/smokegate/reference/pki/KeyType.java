package dev.smokegate.reference.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Key algorithms and sizes the reference PKI can issue; the weak ones exist so faults can serve them. */
public enum KeyType {
    EC_P256("EC", new ECGenParameterSpec("secp256r1")),
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)),
    RSA_1024("RSA", new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4));

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String algorithm;
    private final AlgorithmParameterSpec parameters;

    KeyType(String algorithm, AlgorithmParameterSpec parameters) {
        this.algorithm = algorithm;
        this.parameters = parameters;
    }

    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(parameters, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK cannot generate " + this + " keys", e);
        }
    }
}
