package com.chainatlas.security.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A session as read from (or about to be written to) the {@code :HttpSession} node, with what changed since: the
 * repository writes nothing for a request that changed nothing, and the last-access time only when it moved by at
 * least the touch interval ({@link Neo4jSessionRepository}).
 */
public final class StoredSession implements Session {

    private final MapSession delegate;
    private boolean isNew;
    /** The id in the database (null while new); differs from {@link #getId()} after {@link #changeSessionId()}. */
    private String storedId;
    private boolean attributesChanged;
    private boolean maxInactiveChanged;
    /** The last-access time the node holds. */
    private Instant storedLastAccessed;

    private StoredSession(MapSession delegate, boolean isNew) {
        this.delegate = delegate;
        this.isNew = isNew;
        this.storedId = isNew ? null : delegate.getId();
        this.storedLastAccessed = delegate.getLastAccessedTime();
    }

    static StoredSession created(Duration maxInactive) {
        MapSession s = new MapSession();
        s.setMaxInactiveInterval(maxInactive);
        return new StoredSession(s, true);
    }

    static StoredSession loaded(MapSession s) {
        return new StoredSession(s, false);
    }

    boolean isNew() {
        return isNew;
    }

    String storedId() {
        return storedId;
    }

    boolean idChanged() {
        return !isNew && !storedId.equals(getId());
    }

    boolean attributesChanged() {
        return attributesChanged;
    }

    boolean maxInactiveChanged() {
        return maxInactiveChanged;
    }

    Instant storedLastAccessed() {
        return storedLastAccessed;
    }

    /** After a successful write: the node now holds this state. */
    void markStored() {
        isNew = false;
        storedId = getId();
        attributesChanged = false;
        maxInactiveChanged = false;
        storedLastAccessed = getLastAccessedTime();
    }

    MapSession state() {
        return delegate;
    }

    Instant expiresAt() {
        return getLastAccessedTime().plus(getMaxInactiveInterval());
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public String changeSessionId() {
        return delegate.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
        return delegate.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return delegate.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
        // set again counts as a change: the value may be a mutated object (Spring Security saves its context by set)
        delegate.setAttribute(name, value);
        attributesChanged = true;
    }

    @Override
    public void removeAttribute(String name) {
        if (delegate.getAttribute(name) != null) {
            attributesChanged = true;
        }
        delegate.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
        return delegate.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        delegate.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
        return delegate.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        if (!interval.equals(delegate.getMaxInactiveInterval())) {
            maxInactiveChanged = true;
        }
        delegate.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return delegate.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
        return delegate.isExpired();
    }
}
