//! Sources: files, directories, JSON Lines archives (plain or gzip) and stdin, read into
//! documents; unreadable input becomes an error that names its file, line and column.
