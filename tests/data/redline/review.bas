REM Accept and reject every tracked change of a document the way a reviewer would in
REM LibreOffice (Edit > Track Changes > Accept All / Reject All), saving each result as
REM .docx. Run headless by tests/redline_helpers.py; Basic because this LibreOffice has
REM no Python scripting.

Sub Resolve(sSource As String, sTarget As String, sCommand As String)
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = "Hidden"
  aLoad(0).Value = True
  oDocument = StarDesktop.loadComponentFromURL(ConvertToURL(sSource), "_blank", 0, aLoad())
  oDispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  oFrame = oDocument.getCurrentController().getFrame()
  oDispatcher.executeDispatch(oFrame, sCommand, "", 0, Array())
  Dim aStore(0) As New com.sun.star.beans.PropertyValue
  aStore(0).Name = "FilterName"
  aStore(0).Value = "MS Word 2007 XML"
  oDocument.storeToURL(ConvertToURL(sTarget), aStore())
  oDocument.close(True)
End Sub

Sub Main(sSource As String, sAccepted As String, sRejected As String)
  Resolve(sSource, sAccepted, ".uno:AcceptAllTrackedChanges")
  Resolve(sSource, sRejected, ".uno:RejectAllTrackedChanges")
  StarDesktop.terminate()
End Sub
