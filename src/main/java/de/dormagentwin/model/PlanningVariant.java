package de.dormagentwin.model;

import java.util.List;
import java.util.Objects;

/**
 * One planning variant: a named set of planned buildings that the viewer shows and hides together, so that a planner
 * can compare a proposal with the city as it is, or with another proposal.
 */
public record PlanningVariant(String name, List<PlannedBuilding> buildings) {

    public PlanningVariant {
        Objects.requireNonNull(name, "name");
        buildings = List.copyOf(buildings);
    }
}
