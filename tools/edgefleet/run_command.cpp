#include <chrono>
#include <cstdio>
#include <filesystem>

#include <unistd.h>

#include "core/input_error.hpp"
#include "edgefleet/commands.hpp"
#include "edgefleet/exit_codes.hpp"
#include "edgefleet/run_outputs.hpp"
#include "edgefleet/scenario_source.hpp"
#include "scenario/speed_notes.hpp"

namespace edgefleet::cli {

namespace {

struct RunFlags {
  ScenarioSource source;
  std::string out_dir;
  bool quiet = false;
  std::int64_t sample_requests_every = 1;
};

}  // namespace

void register_run(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "run", "Simulate a scenario and write results (default: the built-in quickstart)");
  auto flags = std::make_shared<RunFlags>();
  flags->source.add_options(*cmd, /*scenario_required=*/false);
  cmd->add_option("--out", flags->out_dir, "Output directory (default: results/<scenario-name>/)");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress and no summary table");
  cmd->add_option("--sample-requests", flags->sample_requests_every,
                  "Write one request in N to requests.csv (by request id; 1 = all)")
      ->check(CLI::PositiveNumber);
  cmd->callback([flags, &status] {
    const scenario::Scenario s = flags->source.load();
    const std::string dir = flags->out_dir.empty() ? "results/" + s.name : flags->out_dir;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw core::InputError(dir, "cannot create output directory: " + ec.message());

    if (!flags->quiet)
      for (const std::string& note : scenario::speed_notes(s))
        std::fprintf(stderr, "edgefleet: note: %s\n", note.c_str());

    sim::RunOptions options;
    options.sample_requests_every = flags->sample_requests_every;
    const bool show_progress = !flags->quiet && isatty(fileno(stderr));
    if (show_progress) {
      options.progress = [](double now_s, double end_s) {
        std::fprintf(stderr, "\rsimulating: %5.1f%% (t = %.1f s of %.1f s)", 100.0 * now_s / end_s,
                     now_s, end_s);
        std::fflush(stderr);
      };
    }
    const auto wall_start = std::chrono::steady_clock::now();
    const sim::RunResult result = sim::run_simulation(s, options);
    const double wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    if (show_progress) std::fprintf(stderr, "\r%60s\r", "");

    const CheckOutcome checks = evaluate_checks(s, result);
    write_outputs(dir, s, result, checks);
    if (!flags->quiet) {
      print_summary_table(s, result, dir);
      // Wall time goes to the terminal only: output files must be identical run after run.
      std::printf("wall time: %.2f s (event loop %.2f CPU-s", wall_s, result.event_loop_cpu_s);
      if (result.federated.ran)
        std::printf("; federated data preparation %.2f s", result.federated.data_wall_s);
      std::printf(")\n");
    }
    if (!checks.passed) {
      std::fprintf(stderr, "edgefleet: check failed:\n%s", checks.message.c_str());
      status = kExitCheckFailed;
    } else {
      status = kExitOk;
    }
  });
}

}  // namespace edgefleet::cli
