#pragma once

#include <filesystem>
#include <string>

#include "processing/processor.hpp"

namespace orderly::processing::script {

// Marketplace.Script (processing.md §9.3): runs the offering's create / update / terminate script
// from secret_options as a local child process instead of a container.
class ScriptProcessor final : public Processor {
 public:
  // `runs_root` holds one directory per job, which outlives a crash of the server.
  ScriptProcessor(int timeout_seconds, std::filesystem::path runs_root)
      : timeout_seconds_(timeout_seconds), runs_root_(std::move(runs_root)) {}
  bool Automated() const override { return true; }
  void Validate(const domain::Offering& offering, domain::OrderType type) const override;
  service::ProcessingResult Process(const service::ProcessingInput& input) override;
  void Forget(const service::ProcessingInput& input) override;

 private:
  int timeout_seconds_;
  std::filesystem::path runs_root_;
};

// The script key of an order type: "create", "update" or "terminate".
std::string HookOf(domain::OrderType type);

// §9.3 create output parsing: the last line is "<backend_id>" or "<backend_id> <base64 JSON>".
// Fills the result's backend_id / backend_metadata, or makes it a failure with the reason.
void ParseCreateOutput(const std::string& output, service::ProcessingResult& result);

}  // namespace orderly::processing::script
