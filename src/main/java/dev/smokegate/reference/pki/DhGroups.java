package dev.smokegate.reference.pki;

import java.math.BigInteger;

/** Well-known finite-field Diffie-Hellman groups, so no server has to generate parameters at start. */
public final class DhGroups {

    /**
     * The 1024-bit MODP group of RFC 2409 section 6.2 ("Oakley group 2"), generator 2: the classic too-small DHE
     * group (Logjam, 2015), which is what a DHE-1024 fault serves.
     */
    public static final BigInteger RFC_2409_GROUP_2_PRIME = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
                    + "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                    + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
                    + "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                    + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381"
                    + "FFFFFFFFFFFFFFFF", 16);
    public static final BigInteger GENERATOR_2 = BigInteger.TWO;

    private DhGroups() {
    }
}
