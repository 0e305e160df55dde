#!/usr/bin/env python3
"""Writes src/main/resources/dev/smokegate/probe/auth/jwt-weak-secrets.txt: the weak and default JWT secrets
auth.jwt.secret-strength tries. Sources are the seeds below (written from memory of public material, nothing
downloaded) and their mechanical variants. Re-run after editing the seeds; the output is deterministic."""
import itertools, pathlib

# Defaults copied into production from docs, tutorials and framework templates.
DEFAULTS = """secret your-256-bit-secret your-384-bit-secret your-512-bit-secret secretkey secret_key secret-key
secretKey SECRET_KEY SECRET jwt_secret jwt-secret jwtSecret JWT_SECRET jwtsecret jwt jwtkey jwt_key jwt-key jwtKey
JWT_KEY token_secret tokensecret TOKEN_SECRET access_token_secret ACCESS_TOKEN_SECRET refresh_token_secret
REFRESH_TOKEN_SECRET app_secret appsecret APP_SECRET app-secret session_secret SESSION_SECRET keyboardcat shhhhh shhhhhhared-secret shared-secret sharedsecret supersecret super-secret super_secret
supersecretkey my-secret mysecret my_secret mySecret mysecretkey my-secret-key my_secret_key mySecretKey
topsecret top-secret notsosecret not-so-secret changeme change-me change_me changethis change-this
changeit change_this_secret replace-me replaceme please-change-me CHANGEME default defaultsecret
default-secret default_secret s3cr3t s3cret secr3t secret123 secret1234 secret12345 Secret123 secretpassword
hmac hmacsecret hmac-secret signing-secret signingsecret signing_key signingkey private privatekey private-key
private_key public publickey test testing test-secret testsecret test_secret dev devsecret dev-secret
development production prod local localhost example example-secret examplesecret sample demo demo-secret
nextauth nextauthsecret NEXTAUTH_SECRET next-auth-secret express express-secret expresssecret node nodejs
passport passport-secret django-insecure flask flask-secret flasksecret rails laravel symfony spring
springboot jhipster ThisIsASecret thisisasecret this-is-a-secret thisismysecret ThisIsMySecret
ThisIsMySecretKey this_is_a_secret iamasecret gottagofast hello helloworld hello-world hello_world
abc abc123 abcdef 1234567890 0123456789 qwertyuiop key apikey api-key api_key API_KEY auth authsecret
auth-secret auth_secret AUTH_SECRET authkey auth-key secret-jwt secretjwt jwt-signing-key jwtsigningkey
mysupersecretkey my-super-secret my-super-secret-key mysupersecret averylongsecret verysecret very-secret
verysecretkey your_jwt_secret your-jwt-secret yourjwtsecret YOUR_JWT_SECRET your_secret_key your-secret-key
yoursecretkey YOUR_SECRET_KEY your-secret yoursecret your_secret insert-secret-here secret-here
putyoursecrethere PUT_YOUR_SECRET_HERE todo TODO fixme xxx xxxxxxxx 00000000 11111111 aaaaaaaa
bW9uZ28= c2VjcmV0 a-string-secret-at-least-256-bits-long supersecretpassword secretsecret secretsecretsecret
mongo mongodb postgres redis admin root administrator user guest password pass passwd""".split()

COMMON = """123456 password 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 1234
password1 iloveyou 1q2w3e4r 000000 qwerty123 zaq12wsx dragon sunshine princess letmein 654321 monkey 27653
1qaz2wsx 123321 qwertyuiop superman asdfghjkl trustno1 football baseball welcome shadow master 666666
michael 7777777 121212 jordan23 hunter2 hunter ranger buster soccer harley batman andrew tigger charlie
robert thomas hockey killer george  1111 freedom whatever qazwsx ginger starwars maggie
jennifer jordan pepper daniel access joshua 696969 cheese amanda summer love ashley nicole chelsea biteme
matthew yankees dallas austin thunder taylor matrix mobilemail mom corvette merlin computer bailey
passw0rd P@ssw0rd P@ssword Password Password1 Password123 password123 admin123 root123 toor changeme123
welcome1 welcome123 letmein123 qwe123 q1w2e3r4 1qaz2wsx3edc zxcvbnm asdf asdf1234 zxcvbn 112233 123qwe
secure security private love123 iloveyou1 princess1 football1 monkey1 dragon1 master1 shadow1 sunshine1
test123 test1234 testtest demo123 guest123 user123 pass123 pass1234 abcd1234 abcdefg abcdefgh
aa123456 a123456 1q2w3e 1q2w3e4r5t qwerty1 123abc michelle jessica pokemon naruto killer1 samsung apple
google facebook linkedin twitter github gitlab heroku railway vercel netlify docker kubernetes""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "!", "!!", "?", ".", "_", "2020", "2021", "2022", "2023", "2024",
            "2025", "2026", "01", "007", "69", "99", "0", "@123", "#1"]


def variants(word):
    yield word
    yield word.lower()
    yield word.upper()
    yield word.capitalize()
    yield word.replace("-", "_")
    yield word.replace("_", "-")
    yield word.replace("-", "").replace("_", "")


def main():
    seen, out = set(), []

    def add(entry):
        if entry and entry not in seen and "\n" not in entry:
            seen.add(entry)
            out.append(entry)

    add("keyboard cat")  # express-session's documented example secret
    for word in DEFAULTS:
        for v in variants(word):
            add(v)
        for s in SUFFIXES:
            add(word + s)
    for word in COMMON:
        for v in variants(word):
            add(v)
        for s in SUFFIXES[:4]:
            add(word + s)
    for a, b in itertools.product(["jwt", "secret", "token", "auth", "app", "api", "session", "signing"],
                                  ["secret", "key", "token", "pass", "password"]):
        for sep in ["", "_", "-", "."]:
            add(a + sep + b)
            add((a + sep + b).upper())
    header = [
        "# Weak and default JWT HMAC secrets tried by auth.jwt.secret-strength, one per line; a finding names the",
        "# line number, never the entry. Generated by scripts/jwt-weak-secrets.py (deterministic) from seeds",
        "# written from memory of public material: the jwt.io example key (your-256-bit-secret), framework and",
        "# tutorial defaults (secret, changeme, jwt_secret, keyboard cat, shhhhh, ...), widely published",
        "# most-common-password lists, and mechanical variants (case, separators, common suffixes). Nothing was",
        "# downloaded; the list is of the kind jwt_tool's and hashcat's lists are, but much smaller.",
    ]
    path = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/dev/smokegate/probe/auth"
    path.mkdir(parents=True, exist_ok=True)
    (path / "jwt-weak-secrets.txt").write_text("\n".join(header + out) + "\n")
    print(len(out), "entries")


main()
