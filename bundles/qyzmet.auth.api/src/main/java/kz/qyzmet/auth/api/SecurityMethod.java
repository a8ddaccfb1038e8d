package kz.qyzmet.auth.api;

/** How a security session was opened (rules §35). */
public enum SecurityMethod {
    /** §35.1: the mobile app, one-time code by SMS or push. */
    APP_CODE,
    /** §35.1: the mobile app, one-time code plus the device's local biometrics (an extra factor, §25). */
    APP_CODE_AND_BIOMETRICS,
    /** §35.2: the web page's QR code scanned and approved by the app in its own security session. */
    QR,
    /** Staff login: password plus a one-time code. */
    STAFF_CODE
}
