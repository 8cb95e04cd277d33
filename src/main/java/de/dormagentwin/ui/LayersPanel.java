package de.dormagentwin.ui;

import de.dormagentwin.model.Chempark;
import de.dormagentwin.model.text.SafeText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import de.dormagentwin.model.CityObject;
import de.dormagentwin.scene.CityLayer;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What is drawn, switched on and off: the model's object types, its districts and the CHEMPARK; the sensors; the
 * safety view; each planning variant.
 */
public final class LayersPanel extends TitledPane {
    private final VBox model = new VBox(4);
    private final VBox rows = new VBox(4);
    private final VBox variants = new VBox(4);
    private final List<CheckBox> types = new ArrayList<>();
    private final List<CheckBox> districts = new ArrayList<>();
    private final CheckBox chempark = new CheckBox();

    public LayersPanel() {
        textProperty().bind(PlannerLanguage.texts().bind("layers.title"));
        chempark.textProperty().bind(PlannerLanguage.texts().bind("layers.chempark"));
        Label variantsHeading = heading("layers.variants");
        VBox content = new VBox(6, model, rows, variantsHeading, variants);
        content.setPadding(new Insets(8, 10, 8, 10));
        setContent(content);
        setExpanded(true);
        setAnimated(false);
    }

    private static Label heading(String key) {
        Label heading = new Label();
        heading.textProperty().bind(PlannerLanguage.texts().bind(key));
        heading.setWrapText(true);
        // As wide as the boxes under it: a wrapping label would ask for its whole text on one line, and a long
        // heading (German's are) would widen the whole side panel.
        heading.setPrefWidth(290);
        // Whole, when the side panel is short of height: wrapped, not cut to one line with an ellipsis.
        heading.setMinHeight(Region.USE_PREF_SIZE);
        heading.setStyle("-fx-text-fill: #555;");
        return heading;
    }

    /**
     * Check boxes for the city's object types, its districts (the objects' {@code district} attribute) and the
     * CHEMPARK ({@code site}); an object is drawn while its type, its district and its site are all switched on.
     */
    public void showModel(CityLayer city) {
        List<CityObject> objects = city.meshes().objects();
        Set<String> typeNames = new TreeSet<>();
        Set<String> districtNames = new TreeSet<>();
        boolean hasChempark = false;
        for (CityObject object : objects) {
            typeNames.add(object.type());
            if (object.textAttribute("district") != null) {
                districtNames.add(object.textAttribute("district"));
            }
            hasChempark |= Chempark.contains(object);
        }
        Runnable apply = () -> {
            Set<String> hiddenTypes = off(types);
            Set<String> hiddenDistricts = off(districts);
            boolean parkHidden = !chempark.isSelected();
            city.setHidden(index -> {
                CityObject object = objects.get(index);
                return hiddenTypes.contains(object.type())
                        || (object.textAttribute("district") != null && hiddenDistricts.contains(object.textAttribute("district")))
                        || (parkHidden && Chempark.contains(object));
            });
        };
        model.getChildren().clear();
        model.getChildren().add(heading("layers.types"));
        model.getChildren().add(flow(boxes(typeNames, types, apply, type -> "card." + Texts.keyOf(type))));
        if (!districtNames.isEmpty()) {
            model.getChildren().add(heading("layers.districts"));
            model.getChildren().add(flow(boxes(districtNames, districts, apply, null)));
        }
        if (hasChempark) {
            chempark.setSelected(true);
            chempark.setOnAction(event -> apply.run());
            model.getChildren().add(chempark);
        }
    }

    /**
     * A check box per name, each knowing its name as user data; with {@code key}, the name in the planner's words where
     * the bundle has them (a CityJSON type such as "Building"), else as the model writes it (a district).
     */
    private static List<CheckBox> boxes(Set<String> names, List<CheckBox> into, Runnable apply, Function<String, String> key) {
        into.clear();
        for (String name : names) {
            CheckBox box = new CheckBox();
            box.setUserData(name);
            box.textProperty().bind(key == null ? new SimpleStringProperty(SafeText.of(name))
                    : Bindings.createStringBinding(() -> PlannerLanguage.texts().getOrDefault(key.apply(name), SafeText.of(name)),
                    PlannerLanguage.texts().localeProperty()));
            box.setSelected(true);
            box.setOnAction(event -> apply.run());
            into.add(box);
        }
        return into;
    }

    private static FlowPane flow(List<CheckBox> boxes) {
        FlowPane flow = new FlowPane(10, 4);
        // As wide as the info panel under it, not as wide as all its boxes in a row.
        flow.setPrefWrapLength(290);
        flow.getChildren().addAll(boxes);
        return flow;
    }

    private static Set<String> off(List<CheckBox> boxes) {
        Set<String> off = new HashSet<>();
        boxes.stream().filter(box -> !box.isSelected()).forEach(box -> off.add((String) box.getUserData()));
        return off;
    }

    /**
     * The overlays, one at a time, as radio buttons that follow and set {@code chosen} (the toolbar's Colour by
     * holds the same value).
     */
    public void addOverlays(List<String> names, ObjectProperty<String> chosen) {
        ToggleGroup group = new ToggleGroup();
        List<RadioButton> radios = new ArrayList<>();
        for (String name : names) {
            RadioButton radio = new RadioButton();
            radio.textProperty().bind(Bindings.createStringBinding(() -> ruleName(name), PlannerLanguage.texts().localeProperty()));
            radio.setUserData(name);
            radio.setToggleGroup(group);
            radio.setSelected(name.equals(chosen.get()));
            radio.setOnAction(event -> chosen.set(name));
            radios.add(radio);
        }
        chosen.addListener((property, before, after) -> radios.forEach(radio -> radio.setSelected(radio.getUserData().equals(after))));
        FlowPane flow = new FlowPane(10, 4);
        flow.setPrefWrapLength(290);
        flow.getChildren().addAll(radios);
        rows.getChildren().addAll(heading("layers.overlay"), flow);
    }

    /** An overlay rule's name in the planner's words ("Lärm"), or "Nothing" for {@link ViewerPane#NO_THEME}. */
    static String ruleName(String name) {
        Texts texts = PlannerLanguage.texts();
        return ViewerPane.NO_THEME.equals(name) ? texts.get("planner.noTheme") : texts.getOrDefault("rule." + Texts.keyOf(name), SafeText.of(name));
    }

    /**
     * A layer switched by a property that the rest of the viewer also changes (a toolbar button, a key), named by
     * bundle keys.
     */
    public CheckBox addLayer(String nameKey, String tipKey, BooleanProperty shown) {
        CheckBox box = new CheckBox();
        box.textProperty().bind(PlannerLanguage.texts().bind(nameKey));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(PlannerLanguage.texts().bind(tipKey));
        box.setTooltip(tip);
        box.selectedProperty().bindBidirectional(shown);
        rows.getChildren().add(box);
        return box;
    }

    /** A planning variant's row: a check box to compare with and without it, and a button to take it out. */
    public CheckBox addVariant(String name, Consumer<Boolean> show, Runnable remove) {
        CheckBox box = new CheckBox(SafeText.of(name));
        box.setUserData(name);
        box.setSelected(true);
        box.selectedProperty().addListener((property, before, after) -> show.accept(after));
        Button drop = new Button("✕");
        Tooltip dropTip = new Tooltip();
        dropTip.textProperty().bind(PlannerLanguage.texts().bind("layers.removeVariant"));
        drop.setTooltip(dropTip);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(6, box, gap, drop);
        drop.setOnAction(event -> {
            variants.getChildren().remove(row);
            remove.run();
        });
        variants.getChildren().removeIf(existing -> ((CheckBox) ((HBox) existing).getChildren().get(0)).getUserData().equals(name));
        variants.getChildren().add(row);
        return box;
    }
}
