-- As every table (V2): compare exactly, whatever the server's default collation.
ALTER TABLE form_submission CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
