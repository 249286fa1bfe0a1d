package dev.cascadestudio.persistence;

import dev.cascadestudio.testsupport.OpenH2InChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Run in a separate JVM: {@link OpenH2InChildJvm}, except that an open which puts back the backup of an
 * interrupted delete then prints {@value #RESTORED} and waits for a line on stdin before H2 opens the
 * file — the moment at which another process opening the same file could slip in.
 */
public final class OpenH2PausedAfterRestoreInChildJvm {

    public static final String RESTORED = "restored";

    private OpenH2PausedAfterRestoreInChildJvm() {}

    public static void main(String[] args) throws Exception {
        BufferedReader in = OpenH2InChildJvm.stdin();
        Database.afterRestoreForTest = () -> {
            System.out.println(RESTORED);
            System.out.flush();
            try {
                in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        OpenH2InChildJvm.openWhenTold(args[0], in);
    }
}
