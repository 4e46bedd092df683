'use strict';
// The web UI's only script besides htmx and passkey.js. No inline script or style exists (the CSP
// forbids both): behaviour hangs on data- attributes.

// Every htmx request carries the CSRF token the page was rendered with.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="csrf-token"]');
  if (token) {
    event.detail.headers['X-CSRF-TOKEN'] = token.content;
  }
});

// Copy buttons: data-copy holds the text.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  try {
    await navigator.clipboard.writeText(button.dataset.copy);
    button.textContent = 'Copied';
  } catch (e) {
    button.textContent = 'Select and copy';
  }
  setTimeout(() => { button.textContent = 'Copy'; }, 2000);
});

// Countdowns aligned to the code's real time step (validFrom/validUntil from the server). The
// browser's clock may be off: time is measured from the server's clock at the moment the code
// arrived (data-server-now), plus what the browser has counted since.
function serverNow(released) {
  if (!released.dataset.receivedAt) {
    released.dataset.receivedAt = String(Date.now());
  }
  return Number(released.dataset.serverNow) + (Date.now() - Number(released.dataset.receivedAt));
}

function tick() {
  document.querySelectorAll('.released[data-server-now]').forEach((released) => {
    const now = serverNow(released);
    const bar = released.querySelector('progress.countdown');
    const label = released.querySelector('.remaining');
    if (!bar || !label) {
      return;
    }
    const from = Number(bar.dataset.validFrom);
    const until = Number(bar.dataset.validUntil);
    bar.value = Math.max(0, Math.min(1, (until - now) / (until - from)));
    released.classList.toggle('expired', now >= until);
    const seconds = Math.max(0, Math.ceil((until - now) / 1000));
    label.textContent = seconds > 0 ? seconds + ' s left' : 'expired: get a new code';
  });
}
setInterval(tick, 250);
document.addEventListener('htmx:afterSwap', tick);

// After a swap, move focus to the new code (or outcome, or problem) so keyboard and screen-reader
// users land on it, instead of on the page when the button they pressed was swapped away.
document.addEventListener('htmx:afterSwap', (event) => {
  const code = event.detail.target.querySelector('.otp, .problem, .notice, .ok');
  if (code) {
    code.setAttribute('tabindex', '-1');
    code.focus();
  }
});
