#pragma once
// The tie layers of a community network, in the order of Network::layer_names. Households are
// complete cliques; close friends and friends follow Dunbar's layers (about 5 close ties and 15
// wider ones: Dunbar 1998, "The social brain hypothesis"; Hill & Dunbar 2003); workplace and
// school ties join people who share a workplace or school class. `community` ties are not in the
// frozen network: meso programmes create them at run time in the World's TieOverlay.
#include <cstdint>

namespace wellsim::models {

/// Layer index of each kind of tie.
enum Layer : std::uint8_t {
  kHousehold,
  kKin,
  kCloseFriend,
  kFriend,
  kWorkplace,
  kSchool,
  kLayerCount
};

/// Names of the frozen layers, in Layer order (Network::layer_names of a community network).
inline constexpr const char* kLayerNames[kLayerCount] = {"household", "kin",       "close_friend",
                                                         "friend",    "workplace", "school"};

/// Name of the run-time layer of ties made by programmes (the overlay).
inline constexpr const char* kCommunityLayerName = "community";

}  // namespace wellsim::models
