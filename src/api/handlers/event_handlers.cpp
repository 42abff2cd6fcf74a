#include "api/handlers/lifecycle_handlers.hpp"
#include "api/json/body.hpp"
#include "api/json/lifecycle_json.hpp"
#include "domain/error.hpp"
#include "service/events.hpp"
#include "service/orders/periodic_jobs.hpp"

namespace orderly::api::handlers {

http::Response ListEvents(Call& call) {
  const auto& actor = call.Actor();
  const auto options = call.ListOptions();
  if (!call.request().HasQuery("scope")) throw InvalidField("scope", "Give the order or resource url or uuid.");
  const auto scope = json::ReferenceUuid("scope", std::string(call.request().Query("scope")));
  const auto events = service::ListEvents(call.services(), actor, scope, options);
  return ListResponse(call, options, events.page, [&](const domain::Event& event) {
    return json::EventJson(event, events.with_tracebacks);
  });
}

http::Response RunPeriodicJobs(Call& call) {
  const auto report = service::RunPeriodicJobs(call.services(), call.Actor());
  return JsonResponse(200, {{"pending_project_released", report.pending_project_released},
                            {"pending_start_date_released", report.pending_start_date_released},
                            {"timed_out", report.timed_out},
                            {"remote_pulls_queued", report.remote_pulls_queued}});
}

}  // namespace orderly::api::handlers
