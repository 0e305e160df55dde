#!/usr/bin/env python3
"""Compares smokegate's tls.* verdicts (summary.json) with testssl.sh's findings (flat --jsonfile) for one host.

Only requirements both tools judge are compared. Prints "agree (N)" or the disagreements."""
import json
import sys

BAD_SEVERITIES = {"MEDIUM", "HIGH", "CRITICAL"}


def offered(findings, ids):
    return any(f["finding"].lower().startswith("offered") for i in ids for f in findings.get(i, []))


def severe(findings, ids):
    return any(f["severity"] in BAD_SEVERITIES for i in ids for f in findings.get(i, []))


# smokegate check ids (failing if any fails) -> (testssl ids, rule saying "testssl finds a problem").
# testssl folds an expired leaf into its chain-of-trust verdict; smokegate keeps trust and validity apart.
RULES = {
    ("tls.protocol.legacy-disabled",): (["SSLv2", "SSLv3", "TLS1", "TLS1_1"], offered),
    ("tls.protocol.modern",): (["TLS1_2", "TLS1_3"], lambda f, ids: not offered(f, ids)),
    ("tls.cipher.weak-disabled",): (["cipherlist_NULL", "cipherlist_aNULL", "cipherlist_EXPORT", "cipherlist_LOW",
                                     "cipherlist_3DES_IDEA"], offered),
    ("tls.chain.trusted", "tls.chain.complete", "tls.cert.validity"): (["cert_chain_of_trust"], severe),
    ("tls.cert.hostname",): (["cert_trust"], severe),
    ("tls.cert.validity",): (["cert_expirationStatus"], severe),
    ("tls.cert.key-strength",): (["cert_keySize"], severe),
    ("tls.cert.signature",): (["cert_signatureAlgorithm"], severe),
}


def main(summary_file, testssl_file):
    with open(summary_file) as f:
        ours = {}
        for result in json.load(f)["results"]:
            ours.setdefault(result["id"], set()).add(result["status"])
    with open(testssl_file) as f:
        findings = {}
        for finding in json.load(f):
            findings.setdefault(finding["id"], []).append(finding)
    compared, disagreements = 0, []
    for checks, (ids, problem) in RULES.items():
        if not any(c in ours for c in checks) or not any(i in findings for i in ids):
            continue
        compared += 1
        check = "/".join(checks)
        we_fail = any("failed" in ours.get(c, set()) for c in checks)
        they_fail = problem(findings, ids)
        if we_fail != they_fail:
            detail = "; ".join(f"{i}={f['finding']!r}/{f['severity']}" for i in ids for f in findings.get(i, []))
            disagreements.append(f"{check}: smokegate {'fails' if we_fail else 'passes'}, testssl {detail}")
    print(f"agree ({compared} compared)" if not disagreements else "DISAGREE: " + " | ".join(disagreements))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
