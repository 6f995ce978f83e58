package eu.netmap.edit;

import eu.netmap.edit.ChangeInputs.RevertInput;
import eu.netmap.system.BadRequestException;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log: what changed, when, by whom, from what to what; and reverting a change. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final int LIMIT_DEFAULT = 50;
  static final int LIMIT_MAX = 500;

  private final AuditLog audit;
  private final Editor editor;

  AuditController(AuditLog audit, Editor editor) {
    this.audit = audit;
    this.editor = editor;
  }

  /**
   * The changes touching a node ({@code node=}), or all changes, newest first, a page at a time.
   */
  @GetMapping
  AuditEntryView.Page list(
      @RequestParam(required = false) String node,
      @RequestParam(defaultValue = "" + LIMIT_DEFAULT) int limit,
      @RequestParam(defaultValue = "0") int offset) {
    BadRequestException.checkRange("limit", limit, 1, LIMIT_MAX);
    BadRequestException.checkRange("offset", offset, 0, Integer.MAX_VALUE);
    return audit.list(node == null || node.isBlank() ? null : node.strip(), limit, offset);
  }

  /**
   * Reverts a change: applies its inverse as a new, audited change (editor login). 409 when what it
   * changed has changed since.
   */
  @PostMapping("/{id}/revert")
  AuditEntryView revert(
      @PathVariable String id, @RequestBody(required = false) RevertInput body, Principal user) {
    return editor.revert(id, body, user.getName());
  }
}
