package dev.smokegate.probe.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The shipped list of weak and default JWT secrets ({@code jwt-weak-secrets.txt} next to this class), one per line,
 * {@code #} lines being comments. An entry is known by its line number, so a finding can name it without the key.
 */
public final class WeakSecrets {

    static final String RESOURCE = "jwt-weak-secrets.txt";

    private record Entry(int line, byte[] key) {
    }

    private static volatile WeakSecrets shipped;

    private final List<Entry> entries;

    private WeakSecrets(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static WeakSecrets shipped() {
        if (shipped == null) {
            try (InputStream in = WeakSecrets.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                shipped = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shipped;
    }

    static WeakSecrets read(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int line = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (!text.isEmpty() && !text.startsWith("#")) {
                entries.add(new Entry(line, text.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new WeakSecrets(entries);
    }

    public int size() {
        return entries.size();
    }

    /** The line of the list that holds exactly {@code secret}, if any. */
    public OptionalInt lineOf(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        return entries.stream().filter(e -> Arrays.equals(e.key(), key)).mapToInt(Entry::line).findFirst();
    }

    /** The first entry whose HMAC of the token's signing input equals its signature. */
    public WeakSecretScan scan(SignedJWT token) {
        JWSAlgorithm alg = token.getHeader().getAlgorithm();
        if (!JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            return new WeakSecretScan(alg.getName(), false, 0, OptionalInt.empty(), OptionalInt.empty());
        }
        String signingInput = token.getParsedParts()[0] + "." + token.getParsedParts()[1];
        String signature = token.getParsedParts()[2].toString();
        for (int i = 0; i < entries.size(); i++) {
            if (Hmac.sign(alg, signingInput, entries.get(i).key()).toString().equals(signature)) {
                return new WeakSecretScan(alg.getName(), true, i + 1, OptionalInt.of(entries.get(i).line()),
                        OptionalInt.empty());
            }
        }
        return new WeakSecretScan(alg.getName(), true, entries.size(), OptionalInt.empty(), OptionalInt.empty());
    }
}
