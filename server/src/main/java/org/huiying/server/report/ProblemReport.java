package org.huiying.server.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.huiying.routing.Category;
import org.huiying.server.customer.VehiclePlaces;
import org.huiying.server.expert.FaultCodeFigures;
import org.huiying.server.storage.Timestamps;
import org.huiying.server.ticket.ProblemFigures;
import org.springframework.stereotype.Service;

/**
 * Problems by vehicle ({@code GET /api/reports/problems}): per model, the month's tickets by category,
 * its repeat-visit (返修) rate, and the fault codes technicians asked about with their share of the
 * model's questions — each beside the month before; and the same tickets and repeat visits per region
 * and dealer for the vehicles whose place is registered. A null model, region or dealer is not known.
 */
@Service
class ProblemReport {

    static final int MOST_CODES = 100;
    static final int MOST_PLACES = 100;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CategoryCount(Category category, long tickets, long previousTickets) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ModelProblems(String model, long tickets, long previousTickets, List<CategoryCount> categories, long reworkEligible,
                         long reworks, Double reworkRate, Double previousReworkRate) {
    }

    /** {@code shareChange}: (share − previousShare) / previousShare; null when the code is new this month. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FaultCode(String model, String code, long questions, long modelQuestions, Double share, long previousQuestions,
                     Double previousShare, Double shareChange) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlaceProblems(String place, long tickets, long previousTickets, long reworkEligible, long reworks, Double reworkRate) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(String month, String previousMonth, Instant at, List<ModelProblems> models, List<FaultCode> faultCodes,
                  List<PlaceProblems> regions, List<PlaceProblems> dealers) {
    }

    private final ProblemFigures tickets;
    private final FaultCodeFigures codes;
    private final VehiclePlaces places;
    private final Clock clock;

    ProblemReport(ProblemFigures tickets, FaultCodeFigures codes, VehiclePlaces places, Clock clock) {
        this.tickets = tickets;
        this.codes = codes;
        this.places = places;
        this.clock = clock;
    }

    Report of(ReportMonth month) {
        ReportRange range = month.withPrevious();
        List<ProblemFigures.VehicleReworks> byVehicle = tickets.reworksByVehicle(range.ranges());
        Map<Long, VehiclePlaces.Place> placeOf = places.of(byVehicle.stream().map(ProblemFigures.VehicleReworks::vehicleId)
                .distinct().toList());
        return new Report(month.toString(), month.previous().toString(), Timestamps.now(clock), models(range), faultCodes(range),
                places(byVehicle, placeOf, VehiclePlaces.Place::region), places(byVehicle, placeOf, VehiclePlaces.Place::dealer));
    }

    private List<ModelProblems> models(ReportRange range) {
        Map<String, Map<Category, long[]>> categories = new HashMap<>();
        for (ProblemFigures.ByCategory c : tickets.byCategory(range.ranges())) {
            categories.computeIfAbsent(key(c.model()), k -> new HashMap<>())
                    .computeIfAbsent(c.category(), k -> new long[2])[c.period()] += c.tickets();
        }
        Map<String, long[][]> reworks = new HashMap<>();
        for (ProblemFigures.Reworks r : tickets.reworksByModel(range.ranges())) {
            long[][] counts = reworks.computeIfAbsent(key(r.model()), k -> new long[2][3]);
            counts[r.period()] = new long[] {r.tickets(), r.eligible(), r.reworks()};
        }
        List<ModelProblems> models = new ArrayList<>();
        reworks.forEach((model, c) -> {
            List<CategoryCount> byCategory = categories.getOrDefault(model, Map.of()).entrySet().stream()
                    .map(e -> new CategoryCount(e.getKey(), e.getValue()[1], e.getValue()[0]))
                    .sorted(Comparator.comparingLong(CategoryCount::tickets).reversed()
                            .thenComparing(cc -> cc.category() == null ? "~" : cc.category().name()))
                    .toList();
            models.add(new ModelProblems(model(model), c[1][0], c[0][0], byCategory, c[1][1], c[1][2], Rates.rate(c[1][2], c[1][1]),
                    Rates.rate(c[0][2], c[0][1])));
        });
        models.sort(Comparator.comparingLong(ModelProblems::tickets).reversed().thenComparing(m -> key(m.model())));
        return models;
    }

    private List<FaultCode> faultCodes(ReportRange range) {
        FaultCodeFigures.Counts counts = codes.counts(range.ranges());
        Map<String, long[]> questions = new HashMap<>();
        counts.models().forEach(m -> questions.computeIfAbsent(key(m.model()), k -> new long[2])[m.period()] += m.questions());
        Map<List<String>, long[]> byCode = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        counts.codes().forEach(c -> byCode.computeIfAbsent(List.of(key(c.model()), c.code()), k -> new long[2])[c.period()] += c.questions());
        List<FaultCode> found = new ArrayList<>();
        byCode.forEach((k, n) -> {
            long[] asked = questions.get(k.get(0));
            Double share = Rates.rate(n[1], asked[1]);
            Double before = Rates.rate(n[0], asked[0]);
            Double change = n[1] == 0 || n[0] == 0 ? null : Math.round((n[1] * (double) asked[0] / (n[0] * (double) asked[1]) - 1) * 1000) / 1000.0;
            found.add(new FaultCode(model(k.get(0)), k.get(1), n[1], asked[1], share, n[0], before, change));
        });
        return found.stream().filter(c -> c.questions() > 0)
                .sorted(Comparator.comparingLong(FaultCode::questions).reversed())
                .limit(MOST_CODES).toList();
    }

    private static List<PlaceProblems> places(List<ProblemFigures.VehicleReworks> byVehicle, Map<Long, VehiclePlaces.Place> placeOf,
                                              Function<VehiclePlaces.Place, String> which) {
        Map<String, long[]> counts = new HashMap<>();
        for (ProblemFigures.VehicleReworks v : byVehicle) {
            VehiclePlaces.Place place = placeOf.get(v.vehicleId());
            String name = place == null ? null : which.apply(place);
            if (name == null) {
                continue;
            }
            long[] c = counts.computeIfAbsent(name, k -> new long[4]);
            if (v.period() == 1) {
                c[0] += v.tickets();
                c[2] += v.eligible();
                c[3] += v.reworks();
            } else {
                c[1] += v.tickets();
            }
        }
        return counts.entrySet().stream()
                .map(e -> new PlaceProblems(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3],
                        Rates.rate(e.getValue()[3], e.getValue()[2])))
                .filter(p -> p.tickets() > 0 || p.previousTickets() > 0)
                .sorted(Comparator.comparingLong(PlaceProblems::tickets).reversed().thenComparing(PlaceProblems::place))
                .limit(MOST_PLACES).toList();
    }

    /** Null models sort and group under a key no model name can have. */
    private static String key(String model) {
        return Objects.requireNonNullElse(model, "\u0000");
    }

    private static String model(String key) {
        return key.equals("\u0000") ? null : key;
    }
}
