package dev.smokegate.reference.github;

/**
 * The one user the stand-in knows: a dedicated test account with two-factor authentication by an authenticator app.
 * Generated per deployment start; {@link #toString()} shows the login only.
 *
 * @param totpSecret the RFC 4648 base32 secret an authenticator app is given (160 bits, as RFC 4226 recommends)
 */
public record GitHubAccount(String login, String password, String totpSecret) {

    public static GitHubAccount generate(String login) {
        return new GitHubAccount(login, RandomValues.base64Url(18), Base32.encode(RandomValues.bytes(20)));
    }

    byte[] totpKey() {
        return Base32.decode(totpSecret);
    }

    @Override
    public String toString() {
        return "GitHubAccount[" + login + "]";
    }
}
