#pragma once
// The one error type for bad user input: carries the JSON path (RFC 6901 pointer) and the reason.
// The CLI prints it on one line and exits with status 2.
#include <stdexcept>
#include <string>

namespace edgefleet::core {

class InputError : public std::runtime_error {
 public:
  InputError(std::string json_path, std::string reason)
      : std::runtime_error(format(json_path, reason)),
        json_path_(std::move(json_path)),
        reason_(std::move(reason)) {}

  const std::string& json_path() const { return json_path_; }
  const std::string& reason() const { return reason_; }

 private:
  static std::string format(const std::string& path, const std::string& reason) {
    return (path.empty() ? std::string("/") : path) + ": " + reason;
  }
  std::string json_path_;
  std::string reason_;
};

}  // namespace edgefleet::core
