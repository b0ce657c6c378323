-- MySQL/MariaDB only: the new table compares text case-exactly like the others (see V2).
ALTER TABLE license_refusal CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
