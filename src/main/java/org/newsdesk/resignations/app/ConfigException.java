package org.newsdesk.resignations.app;

/** A configuration problem, said in one sentence that names the key (or variable) at fault. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
