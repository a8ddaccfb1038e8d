package kz.qyzmet.auth.api;

/** Where a session lives: the web cabinet (cookie, CSRF-protected) or the mobile app (bearer token). */
public enum SessionKind {
    WEB,
    APP
}
