#pragma once
// Runs the real `edgefleet` binary and captures its exit status, stdout and stderr.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace edgefleet::cli::testing {

struct Invocation {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("edgefleet_cli_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// `args` is appended to the binary path verbatim (the caller quotes what needs quoting);
// `env` ("NAME=value ...") is put before it.
inline Invocation run_program(const std::string& binary, const std::string& args,
                              const std::string& env = "") {
  const auto dir = scratch_dir("io");
  const std::string cmd = env + " " + binary + " " + args + " >" + (dir / "out").string() + " 2>" +
                          (dir / "err").string();
  const int raw = std::system(cmd.c_str());
  Invocation r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = read_file(dir / "out");
  r.err = read_file(dir / "err");
  std::filesystem::remove_all(dir);
  return r;
}

inline Invocation run_edgefleet(const std::string& args, const std::string& env = "") {
  return run_program(EDGEFLEET_BIN, args, env);
}

inline std::filesystem::path write_text(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

inline std::string source_path(const std::string& relative) {
  return std::string(EDGEFLEET_SOURCE_DIR) + "/" + relative;
}

inline nlohmann::json read_json(const std::filesystem::path& p) {
  return nlohmann::json::parse(read_file(p));
}

}  // namespace edgefleet::cli::testing
