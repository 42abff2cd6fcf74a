#include <gtest/gtest.h>

#include "domain/dates.hpp"
#include "domain/ids.hpp"
#include "domain/offering.hpp"
#include "domain/transitions.hpp"

namespace orderly::domain {
namespace {

TEST(UuidTest, AcceptsHexWithOrWithoutDashes) {
  EXPECT_EQ(NormalizeUuid("0123456789ABCDEF0123456789abcdef"), "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(NormalizeUuid("01234567-89ab-cdef-0123-456789abcdef"), "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(NormalizeUuid("not-a-uuid"), "");
  EXPECT_EQ(NormalizeUuid("0123456789abcdef0123456789abcdeg"), "");
  EXPECT_EQ(NormalizeUuid(""), "");
}

TEST(DateTest, ValidatesCalendarDates) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2024-13-01"));
  EXPECT_FALSE(IsIsoDate("2024-1-01"));
  EXPECT_FALSE(IsIsoDate("2024-01-00"));
  EXPECT_FALSE(IsIsoDate("tomorrow!!"));
}

// Spec clarification 3: end_date set and end_date <= today.
TEST(DateTest, ProjectExpiresOnItsEndDate) {
  const std::string yesterday = "2026-11-25", today = "2026-11-26", tomorrow = "2026-11-27";
  EXPECT_TRUE(ProjectExpired(&yesterday, today));
  EXPECT_TRUE(ProjectExpired(&today, today));
  EXPECT_FALSE(ProjectExpired(&tomorrow, today));
  EXPECT_FALSE(ProjectExpired(nullptr, today));
}

TEST(OfferingVocabularyTest, NamesRoundTrip) {
  for (const auto& entry : OfferingTypes()) {
    EXPECT_EQ(EnumByName(OfferingTypes(), entry.name), entry.value);
    EXPECT_EQ(NameOf(entry.value), entry.name);
  }
  EXPECT_EQ(NameOf(OfferingType::kSlurm), "Marketplace.Slurm");
  EXPECT_EQ(NameOf(OfferingType::kRemote), "Waldur.RemoteOffering");
  EXPECT_EQ(OfferingTypes().size(), 7u);
  // domain.md §1.4: Draft 1, Active 2, Paused 3, Archived 4.
  EXPECT_EQ(EnumEntryOf(OfferingStates(), OfferingState::kDraft).code, 1);
  EXPECT_EQ(EnumEntryOf(OfferingStates(), OfferingState::kArchived).code, 4);
}

TEST(OfferingTransitionsTest, Lifecycle) {
  EXPECT_EQ(NextOfferingState(Action::kActivateOffering, OfferingState::kDraft), OfferingState::kActive);
  EXPECT_EQ(NextOfferingState(Action::kPauseOffering, OfferingState::kActive), OfferingState::kPaused);
  EXPECT_EQ(NextOfferingState(Action::kActivateOffering, OfferingState::kPaused), OfferingState::kActive);
  EXPECT_EQ(NextOfferingState(Action::kArchiveOffering, OfferingState::kPaused), OfferingState::kArchived);
  EXPECT_FALSE(NextOfferingState(Action::kActivateOffering, OfferingState::kArchived));
  EXPECT_FALSE(NextOfferingState(Action::kPauseOffering, OfferingState::kDraft));
  EXPECT_FALSE(NextOfferingState(Action::kArchiveOffering, OfferingState::kArchived));
  EXPECT_FALSE(NextOfferingState(Action::kCreateProject, OfferingState::kActive));
}

// Spec clarification 4: Active and Paused offerings are on sale; Draft and Archived are not.
TEST(OfferingTransitionsTest, OnSaleStates) {
  EXPECT_TRUE(OfferingOnSale(OfferingState::kActive));
  EXPECT_TRUE(OfferingOnSale(OfferingState::kPaused));
  EXPECT_FALSE(OfferingOnSale(OfferingState::kDraft));
  EXPECT_FALSE(OfferingOnSale(OfferingState::kArchived));
}

}  // namespace
}  // namespace orderly::domain
