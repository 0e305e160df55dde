#!/usr/bin/env python3
"""Compares smokegate's tls.* verdicts for one host (summary.json) with testssl.sh's findings (flat --jsonfile of
`testssl -p -s -f -S -h`) and, when given, sslscan's (--xml).

Usage: tls_verdicts.py SUMMARY_JSON TESTSSL_JSON [SSLSCAN_XML]

Only requirements both tools judge are compared, each on one question ("does the tool find a problem?"); a
smokegate warning counts as no problem. Prints one line per tool: "agree (N compared)" or "DISAGREE: ..." naming
each disagreement with the other tool's own finding. Exit code 0 either way: the caller reports, a human decides.
"""
import json
import re
import sys
import xml.etree.ElementTree as ElementTree

BAD_SEVERITIES = {"MEDIUM", "HIGH", "CRITICAL"}


def offered(findings, ids):
    return any(f["finding"].lower().startswith("offered") for i in ids for f in findings.get(i, []))


def severe(findings, ids):
    return any(f["severity"] in BAD_SEVERITIES for i in ids for f in findings.get(i, []))


def no_current_client(findings, ids):
    """Neither TLS 1.2 nor 1.3, or neither AEAD ("STRONG") nor AES-CBC ("AVERAGE") suites: a browser gets nowhere."""
    return not offered(findings, ["TLS1_2", "TLS1_3"]) or not offered(findings, ["cipherlist_STRONG",
                                                                                  "cipherlist_AVERAGE"])


def no_forward_secrecy(findings, ids):
    return severe(findings, ["PFS", "DH_groups"])


def staple_missing(findings, ids):
    """testssl rates "not offered" LOW when the certificate names a responder, INFO when there is nothing to staple."""
    return any(f["finding"].startswith("not offered") and f["severity"] == "LOW"
               for f in findings.get("OCSP_stapling", []))


def fails(ours, checks):
    return any("failed" in ours.get(c, set()) for c in checks)


def flags(ours, checks):
    """A warning counts: smokegate warns where testssl rates a finding LOW."""
    return any(ours.get(c, set()) & {"failed", "warned"} for c in checks)


# testssl.sh: smokegate check ids -> (testssl ids, "testssl finds a problem", "smokegate finds one": a check of
# them fails, or for stapling also warns). testssl's -s groups weak suites as NULL, aNULL, EXPORT, LOW (DES, RC4,
# 64-bit) and 3DES_IDEA. testssl folds an expired leaf into its chain-of-trust verdict; smokegate keeps trust and
# validity apart.
TESTSSL_RULES = {
    ("tls.protocol.legacy-disabled",): (["SSLv2", "SSLv3", "TLS1", "TLS1_1"], offered, fails),
    ("tls.protocol.modern",): (["TLS1_2", "TLS1_3", "cipherlist_STRONG", "cipherlist_AVERAGE"],
                               no_current_client, fails),
    ("tls.cipher.weak-disabled",): (["cipherlist_NULL", "cipherlist_aNULL", "cipherlist_EXPORT", "cipherlist_LOW",
                                     "cipherlist_3DES_IDEA"], offered, fails),
    ("tls.cipher.forward-secrecy",): (["PFS", "DH_groups"], no_forward_secrecy, fails),
    ("tls.chain.trusted", "tls.chain.complete", "tls.cert.validity"): (["cert_chain_of_trust"], severe, fails),
    ("tls.cert.hostname",): (["cert_trust"], severe, fails),
    ("tls.cert.validity",): (["cert_expirationStatus"], severe, fails),
    ("tls.cert.key-strength",): (["cert_keySize"], severe, fails),
    ("tls.cert.signature",): (["cert_signatureAlgorithm"], severe, fails),
    ("tls.ocsp-stapling",): (["OCSP_stapling"], staple_missing, flags),
}

FORWARD_SECRET = re.compile(r"^(TLS_|ECDHE-|DHE-|EDH-)")


def sslscan_facts(xml_file):
    """Protocols enabled and, per protocol, the suites accepted and the one preferred for sslscan's offer (its
    OpenSSL 3's suites, ECDHE first): which is what a current client gets."""
    test = ElementTree.parse(xml_file).getroot().find("ssltest")
    enabled = {f"{p.get('type')}{p.get('version')}" for p in test.findall("protocol") if p.get("enabled") == "1"}
    accepted, preferred, dhe_bits = {}, {}, []
    for cipher in test.findall("cipher"):
        version, name = cipher.get("sslversion"), cipher.get("cipher")
        accepted.setdefault(version, []).append(name)
        if cipher.get("status") == "preferred":
            preferred[version] = name
        if cipher.get("dhebits") and name.startswith(("DHE-", "EDH-")):
            dhe_bits.append(int(cipher.get("dhebits")))
    return enabled, accepted, preferred, dhe_bits


def sslscan_problems(facts):
    enabled, accepted, preferred, dhe_bits = facts
    legacy = bool(enabled & {"ssl2", "ssl3", "tls1.0", "tls1.1"})
    usable = [name for version in ("TLSv1.2", "TLSv1.3") for name in accepted.get(version, [])
              if not weak(name)]
    up_to_12 = [v for v in accepted if v != "TLSv1.3"]
    fs_fails = any(not FORWARD_SECRET.match(preferred.get(v, "")) for v in up_to_12) \
        or any(b < 2048 for b in dhe_bits)
    fs_warns = not fs_fails and any(not FORWARD_SECRET.match(n) for v in up_to_12 for n in accepted[v])
    return {
        "tls.protocol.legacy-disabled": (legacy, f"enabled: {sorted(enabled)}"),
        "tls.protocol.modern": (not usable, f"accepted on TLSv1.2/1.3 without NULL/anon: {usable[:3]}"),
        # sslscan's OpenSSL 3 offers no EXPORT, DES, RC4 or 3DES suite: of the weak ones it sees NULL and anon only.
        "null-or-anonymous": (any(weak(n) for names in accepted.values() for n in names),
                              f"accepted: {sorted({n for names in accepted.values() for n in names if weak(n)})}"),
        "tls.cipher.forward-secrecy": (fs_fails, f"preferred: {preferred}, DHE bits: {dhe_bits}"),
        "forward-secrecy-warning": (fs_warns, "non-forward-secret suites accepted besides: "
                                    + str(sorted({n for v in up_to_12 for n in accepted[v]
                                                  if not FORWARD_SECRET.match(n)})[:4])),
    }


def weak(openssl_name):
    return "NULL" in openssl_name or openssl_name.startswith(("ADH-", "AECDH-"))


def compare_testssl(ours, messages, testssl_file):
    with open(testssl_file) as f:
        findings = {}
        for finding in json.load(f):
            findings.setdefault(finding["id"], []).append(finding)
    compared, disagreements = 0, []
    for checks, (ids, problem, ours_problem) in TESTSSL_RULES.items():
        if not any(c in ours for c in checks) or not any(i in findings for i in ids):
            continue
        compared += 1
        we_fail = ours_problem(ours, checks)
        they_fail = problem(findings, ids)
        if we_fail != they_fail:
            detail = "; ".join(f"{i}={f['finding'][:60]!r}/{f['severity']}" for i in ids for f in findings.get(i, []))
            disagreements.append(f"{'/'.join(checks)}: smokegate {describe(ours, checks)}, testssl {detail}")
    return compared, disagreements


def compare_sslscan(ours, messages, sslscan_file):
    problems = sslscan_problems(sslscan_facts(sslscan_file))
    weak_message = messages.get("tls.cipher.weak-disabled", "")
    smokegate = {
        "tls.protocol.legacy-disabled": "failed" in ours.get("tls.protocol.legacy-disabled", set()),
        "tls.protocol.modern": "failed" in ours.get("tls.protocol.modern", set()),
        "null-or-anonymous": "[NULL" in weak_message or "[anonymous" in weak_message,
        "tls.cipher.forward-secrecy": "failed" in ours.get("tls.cipher.forward-secrecy", set()),
        "forward-secrecy-warning": "warned" in ours.get("tls.cipher.forward-secrecy", set()),
    }
    disagreements = [f"{rule}: smokegate {'finds' if smokegate[rule] else 'sees no'} problem, sslscan {detail}"
                     for rule, (they, detail) in problems.items() if smokegate[rule] != they]
    return len(problems), disagreements


def describe(ours, checks):
    return ", ".join(f"{c} {'/'.join(sorted(ours[c]))}" for c in checks if c in ours)


def line(tool, compared, disagreements):
    if not disagreements:
        return f"{tool}: agree ({compared} compared)"
    return f"{tool}: DISAGREE on {len(disagreements)} of {compared}: " + " | ".join(disagreements)


def main(summary_file, testssl_file, sslscan_file=None):
    with open(summary_file) as f:
        ours, messages = {}, {}
        for result in json.load(f)["results"]:
            ours.setdefault(result["id"], set()).add(result["status"])
            messages[result["id"]] = result["message"]
    print(line("testssl", *compare_testssl(ours, messages, testssl_file)))
    if sslscan_file:
        print(line("sslscan", *compare_sslscan(ours, messages, sslscan_file)))


if __name__ == "__main__":
    main(*sys.argv[1:])
