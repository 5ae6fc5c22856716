package org.newsdesk.resignations.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The build's version and git commit, written into {@code build-info.properties} by Maven (resource
 * filtering; the commit from git-commit-id-maven-plugin). A build outside a git checkout leaves the
 * placeholder, read here as "unknown" rather than failing.
 */
public record BuildInfo(String version, String commit) {

    public static final String UNKNOWN = "unknown";
    static final String RESOURCE = "build-info.properties";

    /** The running build's. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return of(p);
    }

    /** A missing, blank or unfilled ({@code ${…}}) value is "unknown". */
    static BuildInfo of(Properties p) {
        return new BuildInfo(value(p.getProperty("version")), value(p.getProperty("commit")));
    }

    private static String value(String v) {
        return v == null || v.isBlank() || v.contains("${") ? UNKNOWN : v.strip();
    }

    /** "0.1.0 (commit 3a98bf1)". */
    public String describe() {
        return version + " (commit " + commit + ")";
    }
}
