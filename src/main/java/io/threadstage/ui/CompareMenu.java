package io.threadstage.ui;

import io.threadstage.io.ScenarioException;
import io.threadstage.io.ScenarioLoader;
import io.threadstage.model.Scenario;
import io.threadstage.ui.editor.LazyTooltip;
import io.threadstage.ui.run.CompareRuns;
import java.io.File;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The toolbar's Compare menu: the open scenario with the GIL on and off, against a scenario file,
 * or beside its generated Python run on the machine's CPython (the twin view); each shows both runs
 * stacked on one time scale in the {@link CompareWindow}. FX thread.
 */
final class CompareMenu {

    static final String MENU_ID = "compare-menu";
    static final String GIL_ID = "compare-gil";
    static final String FILE_ID = "compare-file";
    static final String CPYTHON_ID = "compare-cpython";

    private final CompareRuns compare;
    private final CompareWindow window;
    private final Supplier<Scenario> openScenario;
    private final Supplier<Window> owner;
    private final Consumer<String> complain;

    CompareMenu(CompareRuns compare, CompareWindow window, Supplier<Scenario> openScenario, Supplier<Window> owner,
                Consumer<String> complain) {
        this.compare = compare;
        this.window = window;
        this.openScenario = openScenario;
        this.owner = owner;
        this.complain = complain;
    }

    MenuButton button() {
        MenuButton menu = new MenuButton("Compare");
        menu.setId(MENU_ID);
        LazyTooltip.install(menu, "Run the scenario twice and show both runs on one time scale");
        MenuItem gil = new MenuItem("Compare GIL on/off");
        gil.setId(GIL_ID);
        gil.setOnAction(event -> compareGil());
        MenuItem file = new MenuItem("Compare with Another Scenario\u2026");
        file.setId(FILE_ID);
        file.setOnAction(event -> compareWithFile());
        MenuItem cpython = new MenuItem("Run on CPython");
        cpython.setId(CPYTHON_ID);
        cpython.setOnAction(event -> compareWithCPython());
        menu.getItems().addAll(gil, file, cpython);
        menu.disableProperty().bind(compare.busyProperty());
        return menu;
    }

    void compareGil() {
        compare.compareGil(openScenario.get());
        window.show(owner.get());
    }

    /** The twin view: the scenario emulated above, its generated Python on the real interpreter below. */
    void compareWithCPython() {
        compare.compareWithCPython(openScenario.get());
        window.show(owner.get());
    }

    private void compareWithFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Compare with a scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario", "*.json"));
        File chosen = chooser.showOpenDialog(owner.get());
        if (chosen == null) {
            return;
        }
        Scenario other;
        try {
            other = new ScenarioLoader().load(chosen.toPath());
        } catch (ScenarioException invalid) {
            complain.accept(invalid.getMessage());
            return;
        }
        Scenario open = openScenario.get();
        compare.compare(open, open.title(), other, other.title());
        window.show(owner.get());
    }
}
