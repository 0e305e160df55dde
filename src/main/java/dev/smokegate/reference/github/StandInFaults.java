package dev.smokegate.reference.github;

/** What the deployment can switch on in the stand-in; read on every request, so a switch needs no restart. */
public interface StandInFaults {

    /** The consent page's authorize button stays disabled, as when GitHub's page script fails. */
    boolean consentNeverEnables();

    /** After a correct password GitHub asks to verify the device by an emailed code, which no test can answer. */
    boolean asksForDeviceVerification();
}
