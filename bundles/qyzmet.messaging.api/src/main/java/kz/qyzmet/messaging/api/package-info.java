/**
 * Messages leaving the platform (issue 16): one-time codes and notices (a form
 * about to expire, a request completed) go out through {@link kz.qyzmet.messaging.api.MessageChannel}
 * services, one bundle per gateway (SMS, push, e-mail, Telegram), the highest
 * ranked serving each channel. A messenger the client links by sending a code
 * to the broker's bot ({@link kz.qyzmet.messaging.api.ChannelLinks}) then
 * carries that client's in-session codes. {@link kz.qyzmet.messaging.api.Messaging}
 * is the router every producer uses.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package kz.qyzmet.messaging.api;
