#include "learning/gz_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <stdexcept>

#include <zlib.h>

namespace edgefleet::learning {

namespace {
gzFile as_gz(void* f) {
  return static_cast<gzFile>(f);
}
}  // namespace

GzReader::GzReader(std::string path) : path_(std::move(path)), file_(gzopen(path_.c_str(), "rb")) {
  if (file_ == nullptr)
    throw std::runtime_error(path_ + ": cannot open (" + std::strerror(errno) + ")");
  gzbuffer(as_gz(file_), 1 << 17);  // fewer, larger reads than zlib's 8 KB default
}

GzReader::~GzReader() {
  gzclose(as_gz(file_));
}

void GzReader::fail_read() const {
  int code = 0;
  const char* message = gzerror(as_gz(file_), &code);
  throw std::runtime_error(path_ + ": read error (" + (message ? message : "unknown") + ")");
}

std::size_t GzReader::read_some(void* buffer, std::size_t bytes) {
  auto* out = static_cast<unsigned char*>(buffer);
  std::size_t done = 0;
  while (done < bytes) {
    // gzread takes an unsigned count and returns an int: read in pieces below INT_MAX.
    const auto piece = static_cast<unsigned>(std::min<std::size_t>(bytes - done, INT_MAX / 2));
    const int got = gzread(as_gz(file_), out + done, piece);
    if (got < 0) fail_read();
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

void GzReader::read_exact(void* buffer, std::size_t bytes, const std::string& what) {
  if (read_some(buffer, bytes) != bytes)
    throw std::runtime_error(path_ + ": truncated while reading " + what);
}

bool GzReader::read_line(std::string& line) {
  line.clear();
  char chunk[4096];
  while (gzgets(as_gz(file_), chunk, sizeof chunk) != nullptr) {
    line += chunk;
    if (!line.empty() && line.back() == '\n') break;  // else the line is longer than the chunk
  }
  if (line.empty()) {
    if (!gzeof(as_gz(file_))) fail_read();
    return false;
  }
  if (line.back() == '\n') line.pop_back();
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace edgefleet::learning
