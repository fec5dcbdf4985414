package io.timetocompute.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.timetocompute.api.store.StoreCommit;

/**
 * Signed links to the calendar feed, for calendar apps that can send no credentials (Google Calendar fetches from
 * its own servers; with single sign-on there is no password to put in a URL). A link's token names the user who
 * made it and is signed with the service's secret, so it needs no storage; it opens the calendar feed and nothing
 * else. Changing the secret revokes every link.
 */
public final class CalendarLinks {

    static final String SECRET_ID = "calendar-link-secret";
    static final String SETTINGS = "settings";
    /** Signed along with the user, so that a signature made for another purpose never opens the feed. */
    private static final String PURPOSE = "calendar.ics\n";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    CalendarLinks(byte[] secret) {
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /**
     * @param configuredSecret {@code ttc.security.calendar-link-secret}; when blank, the secret stored in MongoDB,
     *        made on first use, so that links outlive a restart
     */
    static CalendarLinks of(String configuredSecret, MongoTemplate mongo, StoreCommit commit) {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            return new CalendarLinks(configuredSecret.getBytes(StandardCharsets.UTF_8));
        }
        Document stored = mongo.findById(SECRET_ID, Document.class, SETTINGS);
        if (stored != null) {
            return new CalendarLinks(Base64.getDecoder().decode(stored.getString("value")));
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            mongo.insert(new Document("_id", SECRET_ID).append("value", Base64.getEncoder().encodeToString(secret)),
                    SETTINGS);
            commit.commit();
            return new CalendarLinks(secret);
        } catch (DuplicateKeyException madeByAnotherInstance) {
            return of(null, mongo, commit);
        }
    }

    /** @return the token of a link to the calendar feed made by {@code user} */
    public String tokenFor(String user) {
        return encode(user.getBytes(StandardCharsets.UTF_8)) + "." + encode(signature(user));
    }

    /** @return the user who made the link, if the token is one this service signed */
    public Optional<String> userOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String user = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(signature, signature(user)) ? Optional.of(user) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] signature(String user) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal((PURPOSE + user).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
