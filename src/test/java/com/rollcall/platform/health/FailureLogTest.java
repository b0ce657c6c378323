package com.rollcall.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class FailureLogTest {
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final Logger logger = Logger.getLogger("FailureLogTest." + System.nanoTime());
    private final FailureLog log;

    FailureLogTest() {
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        log = new FailureLog(logger, 60, now::get);
    }

    @Test
    void writesOneLinePerKindPerIntervalAndCountsTheRest() {
        RuntimeException failure = new RuntimeException("wrapped", new SQLException("Connection refused\nsecond line"));
        assertTrue(log.log(Level.WARNING, "db", "The database cannot be reached", failure));
        for (int i = 0; i < 500; i++) {
            assertFalse(log.log(Level.WARNING, "db", "The database cannot be reached", failure));
        }
        assertTrue(log.log(Level.WARNING, "other", "Another kind", null), "another kind has its own interval");
        now.addAndGet(61_000_000_000L);
        assertTrue(log.log(Level.WARNING, "db", "The database cannot be reached", failure));
        assertEquals(List.of("The database cannot be reached [SQLException: Connection refused]", "Another kind",
                "The database cannot be reached [SQLException: Connection refused] (500 more like it since the last such "
                        + "line)"), lines);
    }
}
