#pragma once

#include "api/call.hpp"
#include "api/http/message.hpp"

namespace orderly::api::handlers {

http::Response ListOrders(Call& call);
http::Response CreateOrder(Call& call);
http::Response GetOrder(Call& call);
http::Response UpdateOrder(Call& call);
http::Response DeleteOrder(Call& call);
http::Response GetOrderResource(Call& call);
http::Response ApproveByConsumer(Call& call);
http::Response RejectByConsumer(Call& call);
http::Response ApproveByProvider(Call& call);
http::Response RejectByProvider(Call& call);
http::Response CancelOrder(Call& call);
http::Response SetOrderExecuting(Call& call);
http::Response SetOrderDone(Call& call);
http::Response SetOrderErred(Call& call);
http::Response RetryOrder(Call& call);
http::Response UnlinkOrder(Call& call);
http::Response SetOrderBackendId(Call& call);
http::Response PullOrder(Call& call);
http::Response CancelTermination(Call& call);

http::Response ListConsumerResources(Call& call);
http::Response ListProviderResources(Call& call);
http::Response GetConsumerResource(Call& call);
http::Response GetProviderResource(Call& call);
http::Response UpdateConsumerResource(Call& call);
http::Response UpdateProviderResource(Call& call);
http::Response TerminateConsumerResource(Call& call);
http::Response TerminateProviderResource(Call& call);
http::Response SwitchPlan(Call& call);
http::Response UpdateLimits(Call& call);
http::Response SetStateOkConsumer(Call& call);
http::Response SetStateOkProvider(Call& call);
http::Response SetAsOk(Call& call);
http::Response SetAsErred(Call& call);
http::Response SetResourceBackendId(Call& call);
http::Response SetResourceLimits(Call& call);
http::Response SetResourceBackendMetadata(Call& call);
http::Response UnlinkConsumerResource(Call& call);
http::Response UnlinkProviderResource(Call& call);

http::Response ListSupportIssues(Call& call);
http::Response GetSupportIssue(Call& call);
http::Response CommentOnSupportIssue(Call& call);
http::Response SetSupportIssueStatus(Call& call);

http::Response ListEvents(Call& call);
http::Response RunPeriodicJobs(Call& call);

}  // namespace orderly::api::handlers
