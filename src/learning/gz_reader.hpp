#pragma once
// Sequential reading of a data file through zlib: gzip-compressed or plain alike (gzread passes
// an uncompressed file through unchanged), so loaders accept both "x.gz" and "x".
#include <cstddef>
#include <string>

namespace edgefleet::learning {

class GzReader {
 public:
  // Throws std::runtime_error naming the file when it cannot be opened.
  explicit GzReader(std::string path);
  ~GzReader();
  GzReader(const GzReader&) = delete;
  GzReader& operator=(const GzReader&) = delete;

  // Reads up to `bytes` bytes; returns how many were read (fewer only at end of file). Throws
  // std::runtime_error on a read error (e.g. a corrupt gzip stream).
  std::size_t read_some(void* buffer, std::size_t bytes);
  // Reads exactly `bytes` bytes or throws std::runtime_error "<path>: truncated while reading
  // <what>".
  void read_exact(void* buffer, std::size_t bytes, const std::string& what);
  // The next line without its "\n" or "\r\n"; false at end of file.
  bool read_line(std::string& line);

  const std::string& path() const { return path_; }

 private:
  [[noreturn]] void fail_read() const;

  std::string path_;
  void* file_;  // gzFile, kept opaque so users need not include zlib.h
};

}  // namespace edgefleet::learning
