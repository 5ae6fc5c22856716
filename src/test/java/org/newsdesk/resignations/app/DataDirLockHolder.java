package org.newsdesk.resignations.app;

import java.nio.file.Path;

/** A second process for {@link DataDirLockTest}: takes the lock, says so, and holds it until killed or its input ends. */
public final class DataDirLockHolder {

    private DataDirLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
            System.out.println("locked by pid " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the lock
            }
        }
    }
}
