#include <catch2/catch.hpp>

#include "sim/param_table.hpp"

using namespace wellsim::sim;

namespace {

enum class Order { Need, FirstCome };

struct Part {
  double rate = 0;
};

struct Base {
  int ramp = 0;
};

struct Owner : Base {
  std::uint32_t weeks = 0;
  float share = 0;
  bool on = false;
  std::string label;
  std::vector<float> weights;
  std::vector<std::string> names;
  Order order = Order::Need;
  Part part;
  double slots[2] = {};
};

ParamTable<Base> base_table() {
  ParamTable<Base> t;
  t.add("ramp", &Base::ramp, 3).range(0, 10).unit("weeks").help("ramp");
  return t;
}

ParamTable<Owner> owner_table() {
  ParamTable<Part> part;
  part.add("rate", &Part::rate, 0.5).range(0, 1).unit("1/week").help("a rate");
  ParamTable<Owner> t;
  t.add("weeks", &Owner::weeks, 4).range(1, 520).unit("weeks").help("how long");
  t.add("share", &Owner::share, 0.25).range(0, 1).help("a share");
  t.add("on", &Owner::on, true).help("switch");
  t.add("label", &Owner::label, "x").help("a label");
  t.add("weights", &Owner::weights, std::vector<double>{1, 2}).at_least(0).help("weights");
  t.add("names", &Owner::names, std::vector<std::string>{}).help("names");
  t.choice("order", &Owner::order, Order::FirstCome,
           {{"need", Order::Need}, {"first_come", Order::FirstCome}})
      .help("queue order");
  t.add_at(
       "second_slot", [](Owner& o) -> double& { return o.slots[1]; }, 7.0)
      .help("slot");
  t.include(&Owner::part, part);
  t.inherit(base_table());
  t.declare("selector", ParamType::Choice, std::nullopt).choices({"a", "b"}).help("picks");
  return t;
}

ParamSet defaults(const std::vector<ParamSpec>& specs) {
  ParamSet set;
  for (const auto& s : specs)
    if (s.fallback) set.set(s.name, *s.fallback);
  return set;
}

}  // namespace

TEST_CASE("a declaration's kind follows the member it is bound to", "[sim]") {
  const auto t = owner_table();
  auto type = [&](const char* name) { return find_spec(t.specs(), name)->type; };
  CHECK(type("weeks") == ParamType::Integer);
  CHECK(type("share") == ParamType::Real);
  CHECK(type("on") == ParamType::Boolean);
  CHECK(type("label") == ParamType::String);
  CHECK(type("weights") == ParamType::RealList);
  CHECK(type("names") == ParamType::StringList);
  CHECK(type("order") == ParamType::Choice);
  CHECK(type("second_slot") == ParamType::Real);
  CHECK(type("selector") == ParamType::Choice);
}

TEST_CASE("one declaration carries unit, range, help and default in the order written", "[sim]") {
  const auto t = owner_table();
  std::vector<std::string> names;
  for (const auto& s : t.specs()) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"weeks", "share", "on", "label", "weights", "names",
                                          "order", "second_slot", "rate", "ramp", "selector"});
  const ParamSpec& weeks = *find_spec(t.specs(), "weeks");
  CHECK(weeks.unit == "weeks");
  CHECK(weeks.min == 1);
  CHECK(weeks.max == 520);
  CHECK(weeks.help == "how long");
  CHECK(std::get<std::int64_t>(*weeks.fallback) == 4);
  const ParamSpec& weights = *find_spec(t.specs(), "weights");
  CHECK(weights.has_min());
  CHECK_FALSE(weights.has_max());
  CHECK_FALSE(find_spec(t.specs(), "label")->has_min());
  const ParamSpec& order = *find_spec(t.specs(), "order");
  CHECK(order.choices == std::vector<std::string>{"need", "first_come"});
  CHECK(std::get<std::string>(*order.fallback) == "first_come");
  CHECK_FALSE(find_spec(t.specs(), "selector")->fallback);
  CHECK(find_spec(t.specs(), "rate")->unit == "1/week");
}

TEST_CASE("read() writes every bound member, parts and base included", "[sim]") {
  const auto t = owner_table();
  ParamSet set = defaults(t.specs());
  Owner o = t.read(set);
  CHECK(o.weeks == 4);
  CHECK(o.share == 0.25f);
  CHECK(o.on);
  CHECK(o.label == "x");
  CHECK(o.weights == std::vector<float>{1, 2});
  CHECK(o.order == Order::FirstCome);
  CHECK(o.slots[1] == 7.0);
  CHECK(o.part.rate == 0.5);
  CHECK(o.ramp == 3);

  set.set("weeks", std::int64_t{9});
  set.set("order", std::string("need"));
  set.set("rate", 0.125);
  set.set("ramp", std::int64_t{0});
  set.set("names", std::vector<std::string>{"a", "b"});
  t.read(set, o);
  CHECK(o.weeks == 9);
  CHECK(o.order == Order::Need);
  CHECK(o.part.rate == 0.125);
  CHECK(o.ramp == 0);
  CHECK(o.names == std::vector<std::string>{"a", "b"});
}

TEST_CASE("declared() builds a table once and keeps it", "[sim]") {
  auto get = [] {
    return &declared<Part>([](ParamTable<Part>& t) { t.add("rate", &Part::rate, 0.1); });
  };
  CHECK(get() == get());
  CHECK(get()->specs().size() == 1);
}
