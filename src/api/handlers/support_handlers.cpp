#include "api/handlers/lifecycle_handlers.hpp"
#include "api/json/body.hpp"
#include "domain/error.hpp"
#include "service/support/support_issues.hpp"

namespace orderly::api::handlers {
namespace {

nlohmann::json IssueJson(const json::Links& links, const domain::SupportIssue& issue,
                         const std::vector<domain::SupportComment>* comments) {
  nlohmann::json body = {{"url", links.Object("support-issues", issue.uuid)},
                         {"uuid", issue.uuid},
                         {"key", issue.key},
                         {"summary", issue.summary},
                         {"description", issue.description},
                         {"status", domain::NameOf(issue.status)},
                         {"order", links.Object("marketplace-orders", issue.order_uuid)},
                         {"order_uuid", issue.order_uuid},
                         {"created", issue.created},
                         {"modified", issue.modified}};
  if (comments != nullptr) {
    auto list = nlohmann::json::array();
    for (const auto& comment : *comments) {
      list.push_back({{"uuid", comment.uuid}, {"author_username", comment.author_username},
                      {"description", comment.body}, {"created", comment.created}});
    }
    body["comments"] = std::move(list);
  }
  return body;
}

http::Response ViewResponse(Call& call, const service::IssueView& view) {
  return JsonResponse(200, IssueJson(call.links(), view.issue, &view.comments));
}

}  // namespace

http::Response ListSupportIssues(Call& call) {
  const auto& actor = call.Actor();
  const auto options = call.ListOptions();
  const auto page = service::ListSupportIssues(call.services(), actor, options);
  return ListResponse(call, options, page,
                      [&](const domain::SupportIssue& issue) { return IssueJson(call.links(), issue, nullptr); });
}

http::Response GetSupportIssue(Call& call) {
  return ViewResponse(call, service::GetSupportIssue(call.services(), call.Actor(), std::string(call.Param("uuid"))));
}

http::Response CommentOnSupportIssue(Call& call) {
  return ViewResponse(call, service::CommentOnSupportIssue(call.services(), call.Actor(),
                                                           std::string(call.Param("uuid")), [&] {
                                                             const auto body = json::ObjectBody(call.request());
                                                             return json::RequiredString(body, "description");
                                                           }));
}

http::Response SetSupportIssueStatus(Call& call) {
  return ViewResponse(call, service::SetSupportIssueStatus(call.services(), call.Actor(),
                                                           std::string(call.Param("uuid")), [&] {
                                                             const auto body = json::ObjectBody(call.request());
                                                             const auto text = json::RequiredString(body, "status");
                                                             const auto status =
                                                                 domain::EnumByName(domain::IssueStatuses(), text);
                                                             if (!status) {
                                                               throw InvalidField("status", "Must be new, in_progress, resolved or canceled.");
                                                             }
                                                             return *status;
                                                           }));
}

}  // namespace orderly::api::handlers
