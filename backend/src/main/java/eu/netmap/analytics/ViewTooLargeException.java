package eu.netmap.analytics;

import java.util.Locale;

/**
 * A projection would not fit in the share of the heap analytics may use: refused before the app
 * runs out of memory, with what to do instead.
 */
public class ViewTooLargeException extends RuntimeException {

  private final View view;
  private final long ties;
  private final long budgetBytes;

  ViewTooLargeException(View view, long ties, long budgetBytes) {
    super(
        String.format(
            Locale.ROOT,
            "The %s view has more than %,d ties, more than the %,d MB of heap analytics may use for"
                + " one view (netmap.analytics.view-heap-share of the heap, -Xmx). Use the stored"
                + " or two-mode view, give the app more heap, or compute this view in Neo4j Graph"
                + " Data Science (README, 'Beyond one machine').",
            view.key(),
            ties,
            budgetBytes / (1024 * 1024)));
    this.view = view;
    this.ties = ties;
    this.budgetBytes = budgetBytes;
  }

  /** The view refused. */
  public View view() {
    return view;
  }

  /** How many ties had been made when it was refused. */
  public long ties() {
    return ties;
  }

  /** The heap one view may take, in bytes. */
  public long budgetBytes() {
    return budgetBytes;
  }
}
