'use strict';
// The handoff code arrives in the URL fragment (never sent to a server or logged by a proxy)
// and is spent at once; the web UI keeps the session from here, in HttpOnly cookies.
document.addEventListener('DOMContentLoaded', async () => {
  const result = document.getElementById('result');
  const params = new URLSearchParams(window.location.hash.slice(1));
  history.replaceState(null, '', window.location.pathname);
  if (params.get('error')) {
    result.textContent = params.get('error') === 'access_denied'
      ? 'This account may not sign in to Watchword. Ask an administrator.'
      : 'Single sign-on failed. Try again.';
    return;
  }
  const response = await fetch('/api/v1/auth/sso/redeem', {
    method: 'POST',
    // The session goes into HttpOnly cookies; this script never holds a token.
    headers: {'Content-Type': 'application/json', 'X-Watchword-Session': 'cookie'},
    body: JSON.stringify({handoff: params.get('handoff') || ''}),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    result.textContent = answer.detail || 'Single sign-on failed.';
  } else if (answer.status === 'SIGNED_IN') {
    result.textContent = 'Signed in.';
    window.location.assign('/');
  } else if (answer.status === 'ENROLMENT_REQUIRED') {
    window.location.assign('/signin/enrol');
  } else {
    result.textContent = 'Signed in with your provider; confirm with your second factor to continue.';
    window.location.assign('/signin/verify');
  }
});
